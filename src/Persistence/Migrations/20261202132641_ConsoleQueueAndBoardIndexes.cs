using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConsoleQueueAndBoardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AccountableOfficialId_Status",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_AreaId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AccountableOfficialId_Status_AcknowledgeDueAt_ResolveDueAt",
                table: "Cases",
                columns: new[] { "AccountableOfficialId", "Status", "AcknowledgeDueAt", "ResolveDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_AreaId_EscalationLevel_ResolveDueAt_AcknowledgeDueAt_AccountableOfficialId",
                table: "Cases",
                columns: new[] { "Status", "AreaId", "EscalationLevel", "ResolveDueAt", "AcknowledgeDueAt", "AccountableOfficialId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AccountableOfficialId_Status_AcknowledgeDueAt_ResolveDueAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_AreaId_EscalationLevel_ResolveDueAt_AcknowledgeDueAt_AccountableOfficialId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AccountableOfficialId_Status",
                table: "Cases",
                columns: new[] { "AccountableOfficialId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_AreaId",
                table: "Cases",
                columns: new[] { "Status", "AreaId" });
        }
    }
}
