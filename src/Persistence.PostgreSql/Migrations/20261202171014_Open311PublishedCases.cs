using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Open311PublishedCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Open311Requests_CreatedAt_CaseId",
                table: "Open311Requests",
                columns: new[] { "CreatedAt", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Published",
                table: "Cases",
                columns: new[] { "PublicationConsent", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_At",
                table: "CaseEvents",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Open311Requests_CreatedAt_CaseId",
                table: "Open311Requests");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Published",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_At",
                table: "CaseEvents");
        }
    }
}
