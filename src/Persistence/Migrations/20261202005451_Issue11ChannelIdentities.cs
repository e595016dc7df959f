using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue11ChannelIdentities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChatId",
                table: "ResidentIdentities",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastInteractionAt",
                table: "ResidentIdentities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnreachableReason",
                table: "ResidentIdentities",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UnreachableSince",
                table: "ResidentIdentities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OfficialId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResidentId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OfficialIdentities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficialId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastInteractionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnreachableSince = table.Column<long>(type: "INTEGER", nullable: true),
                    UnreachableReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficialIdentities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficialIdentities_Officials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OfficialId_Status",
                table: "OutboxMessages",
                columns: new[] { "OfficialId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ResidentId_Status",
                table: "OutboxMessages",
                columns: new[] { "ResidentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OfficialIdentities_Channel_ExternalId",
                table: "OfficialIdentities",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficialIdentities_OfficialId_Channel",
                table: "OfficialIdentities",
                columns: new[] { "OfficialId", "Channel" },
                unique: true);

            // ---- BEGIN DATA MOVE (hand-written; keep when regenerating this migration) ----
            // Officials' Telegram ids and the web chat's official accounts become rows of OfficialIdentities, before the
            // old column and table are dropped. CreatedAt is stored as Unix milliseconds (UtcUnixMillisecondsConverter).
            migrationBuilder.Sql("""
                INSERT INTO OfficialIdentities (OfficialId, Channel, ExternalId, ChatId, CreatedAt)
                SELECT Id, 'telegram', CAST(TelegramUserId AS TEXT), CAST(TelegramUserId AS TEXT), CAST(strftime('%s', 'now') AS INTEGER) * 1000
                FROM Officials
                WHERE TelegramUserId IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                INSERT INTO OfficialIdentities (OfficialId, Channel, ExternalId, ChatId, CreatedAt)
                SELECT o.OfficialId, o.Channel, o.ExternalId, o.ChatId, o.CreatedAt
                FROM OfficialChannelIdentities o
                WHERE NOT EXISTS (SELECT 1 FROM OfficialIdentities i WHERE i.OfficialId = o.OfficialId AND i.Channel = o.Channel)
                  AND NOT EXISTS (SELECT 1 FROM OfficialIdentities i WHERE i.Channel = o.Channel AND i.ExternalId = o.ExternalId);
                """);
            // ---- END DATA MOVE ----

            migrationBuilder.DropTable(
                name: "OfficialChannelIdentities");

            migrationBuilder.DropIndex(
                name: "IX_Officials_TelegramUserId",
                table: "Officials");

            migrationBuilder.DropColumn(
                name: "TelegramUserId",
                table: "Officials");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_OfficialId_Status",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ResidentId_Status",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ChatId",
                table: "ResidentIdentities");

            migrationBuilder.DropColumn(
                name: "LastInteractionAt",
                table: "ResidentIdentities");

            migrationBuilder.DropColumn(
                name: "UnreachableReason",
                table: "ResidentIdentities");

            migrationBuilder.DropColumn(
                name: "UnreachableSince",
                table: "ResidentIdentities");

            migrationBuilder.DropColumn(
                name: "OfficialId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ResidentId",
                table: "OutboxMessages");

            migrationBuilder.AddColumn<long>(
                name: "TelegramUserId",
                table: "Officials",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OfficialChannelIdentities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OfficialId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficialChannelIdentities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficialChannelIdentities_Officials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Officials_TelegramUserId",
                table: "Officials",
                column: "TelegramUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficialChannelIdentities_Channel_ExternalId",
                table: "OfficialChannelIdentities",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficialChannelIdentities_OfficialId_Channel",
                table: "OfficialChannelIdentities",
                columns: new[] { "OfficialId", "Channel" },
                unique: true);

            // ---- BEGIN DATA MOVE (hand-written; keep when regenerating this migration) ----
            migrationBuilder.Sql("""
                UPDATE Officials SET TelegramUserId = (
                    SELECT CAST(i.ExternalId AS INTEGER) FROM OfficialIdentities i WHERE i.OfficialId = Officials.Id AND i.Channel = 'telegram');
                """);
            migrationBuilder.Sql("""
                INSERT INTO OfficialChannelIdentities (OfficialId, Channel, ExternalId, ChatId, CreatedAt)
                SELECT OfficialId, Channel, ExternalId, ChatId, CreatedAt FROM OfficialIdentities WHERE Channel <> 'telegram';
                """);
            // ---- END DATA MOVE ----

            migrationBuilder.DropTable(
                name: "OfficialIdentities");
        }
    }
}
