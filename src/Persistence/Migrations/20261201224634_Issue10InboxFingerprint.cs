using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue10InboxFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxEntries_Channel_ExternalId",
                table: "InboxEntries");

            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "InboxEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_InboxEntries_Channel_ExternalId_Fingerprint",
                table: "InboxEntries",
                columns: new[] { "Channel", "ExternalId", "Fingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxEntries_Channel_ExternalId_Fingerprint",
                table: "InboxEntries");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "InboxEntries");

            migrationBuilder.CreateIndex(
                name: "IX_InboxEntries_Channel_ExternalId",
                table: "InboxEntries",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);
        }
    }
}
