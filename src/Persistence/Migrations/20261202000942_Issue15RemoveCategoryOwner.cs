using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue15RemoveCategoryOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OwnerPost",
                table: "Categories");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerPost",
                table: "Categories",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Leader");
        }
    }
}
