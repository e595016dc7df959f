using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ResidentBot.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Issue13Issue14ConsoleOpen311Public : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PublicationConsent",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReopenCount",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Hand-written (issue 14, as SQLite's Issue14PublicResults): cases reopened before the count existed get it
            // from their append-only log.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"ReopenCount\" = (SELECT COUNT(*) FROM \"CaseEvents\" e "
                + "WHERE e.\"CaseId\" = \"Cases\".\"Id\" AND e.\"Kind\" = 'Reopened')");

            migrationBuilder.CreateTable(
                name: "ConsoleSignIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficialId = table.Column<int>(type: "integer", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsoleSignIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsoleSignIns_Officials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Open311Keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Open311Keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Open311Requests",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    KeyId = table.Column<int>(type: "integer", nullable: false),
                    MediaUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_Cases_PublicationConsent_ResolvedAt",
                table: "Cases",
                columns: new[] { "PublicationConsent", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Results",
                table: "Cases",
                columns: new[] { "CreatedAt", "AreaId", "AccountableOfficialId", "Status", "AcknowledgeDueAt", "AcknowledgedAt", "ResolveDueAt", "ResolvedAt", "Rating", "PausedFor", "PausedAt", "ReopenCount", "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_AreaId",
                table: "Cases",
                columns: new[] { "Status", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsoleSignIns_CodeHash",
                table: "ConsoleSignIns",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsoleSignIns_OfficialId",
                table: "ConsoleSignIns",
                column: "OfficialId");

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
                name: "ConsoleSignIns");

            migrationBuilder.DropTable(
                name: "Open311Requests");

            migrationBuilder.DropTable(
                name: "Open311Keys");

            migrationBuilder.DropIndex(
                name: "IX_Cases_PublicationConsent_ResolvedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Results",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_AreaId",
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
