using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue14PublicResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PublicationConsent",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReopenCount",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Hand-written (issue 14): cases reopened before the count existed get it from their append-only log.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"ReopenCount\" = (SELECT COUNT(*) FROM \"CaseEvents\" e "
                + "WHERE e.\"CaseId\" = \"Cases\".\"Id\" AND e.\"Kind\" = 'Reopened')");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PublicationConsent_ResolvedAt",
                table: "Cases",
                columns: new[] { "PublicationConsent", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Results",
                table: "Cases",
                columns: new[] { "CreatedAt", "AreaId", "AccountableOfficialId", "Status", "AcknowledgeDueAt", "AcknowledgedAt", "ResolveDueAt", "ResolvedAt", "Rating", "PausedFor", "PausedAt", "ReopenCount", "Latitude", "Longitude" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_PublicationConsent_ResolvedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Results",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PublicationConsent",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReopenCount",
                table: "Cases");
        }
    }
}
