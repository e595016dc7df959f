using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue12ClusterClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChatKey",
                table: "InboxEntries",
                type: "TEXT",
                maxLength: 170,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "InboxEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "InboxEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClusterLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxEntries_ChatKey_Status",
                table: "InboxEntries",
                columns: new[] { "ChatKey", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClusterLeases");

            migrationBuilder.DropIndex(
                name: "IX_InboxEntries_ChatKey_Status",
                table: "InboxEntries");

            migrationBuilder.DropColumn(
                name: "ChatKey",
                table: "InboxEntries");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "InboxEntries");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "InboxEntries");
        }
    }
}
