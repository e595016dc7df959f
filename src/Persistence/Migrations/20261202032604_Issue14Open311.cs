using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue14Open311 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Open311Keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Open311Keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Open311Requests",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Open311Requests", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_Open311Requests_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Open311Requests_Open311Keys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "Open311Keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Open311Keys_KeyHash",
                table: "Open311Keys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Open311Keys_Name",
                table: "Open311Keys",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Open311Requests_KeyId",
                table: "Open311Requests",
                column: "KeyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Open311Requests");

            migrationBuilder.DropTable(
                name: "Open311Keys");
        }
    }
}
