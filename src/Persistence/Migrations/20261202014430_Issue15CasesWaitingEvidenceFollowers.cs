using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue15CasesWaitingEvidenceFollowers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ResolveEvidence",
                table: "Categories",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<long>(
                name: "DuplicateOfId",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "PausedFor",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "ResidentQuestion",
                table: "Cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseFollowers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    FromCaseId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFollowers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFollowers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseFollowers_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DuplicateOfId",
                table: "Cases",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFollowers_CaseId_ResidentId",
                table: "CaseFollowers",
                columns: new[] { "CaseId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseFollowers_ResidentId",
                table: "CaseFollowers",
                column: "ResidentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_Cases_DuplicateOfId",
                table: "Cases",
                column: "DuplicateOfId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Cases_Cases_DuplicateOfId",
                table: "Cases");

            migrationBuilder.DropTable(
                name: "CaseFollowers");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DuplicateOfId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ResolveEvidence",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PausedFor",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ResidentQuestion",
                table: "Cases");
        }
    }
}
