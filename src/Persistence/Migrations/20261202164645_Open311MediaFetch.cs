using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Open311MediaFetch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MediaAttempts",
                table: "Open311Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "MediaNextAttemptAt",
                table: "Open311Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaProblem",
                table: "Open311Requests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaStatus",
                table: "Open311Requests",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.CreateIndex(
                name: "IX_Open311Requests_MediaNextAttemptAt",
                table: "Open311Requests",
                column: "MediaNextAttemptAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Open311Requests_MediaNextAttemptAt",
                table: "Open311Requests");

            migrationBuilder.DropColumn(
                name: "MediaAttempts",
                table: "Open311Requests");

            migrationBuilder.DropColumn(
                name: "MediaNextAttemptAt",
                table: "Open311Requests");

            migrationBuilder.DropColumn(
                name: "MediaProblem",
                table: "Open311Requests");

            migrationBuilder.DropColumn(
                name: "MediaStatus",
                table: "Open311Requests");
        }
    }
}
