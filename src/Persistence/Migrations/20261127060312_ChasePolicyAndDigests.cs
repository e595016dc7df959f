using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChasePolicyAndDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeSpan>(
                name: "AutoCloseAfter",
                table: "Categories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "EscalateEvery",
                table: "Categories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ProgressEvery",
                table: "Categories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DigestSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupervisorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseIds = table.Column<string>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestSnapshots_Officials_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DigestSnapshots_SupervisorId_Kind",
                table: "DigestSnapshots",
                columns: new[] { "SupervisorId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigestSnapshots");

            migrationBuilder.DropColumn(
                name: "AutoCloseAfter",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "EscalateEvery",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "ProgressEvery",
                table: "Categories");
        }
    }
}
