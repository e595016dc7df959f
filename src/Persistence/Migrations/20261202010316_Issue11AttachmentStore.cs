using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue11AttachmentStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoredAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceChannel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceRef = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttachmentCopies",
                columns: table => new
                {
                    AttachmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChannelRef = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttachmentCopies", x => new { x.AttachmentId, x.Channel });
                    table.ForeignKey(
                        name: "FK_AttachmentCopies_StoredAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "StoredAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredAttachments_CreatedAt",
                table: "StoredAttachments",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StoredAttachments_Name",
                table: "StoredAttachments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoredAttachments_SourceChannel_SourceRef",
                table: "StoredAttachments",
                columns: new[] { "SourceChannel", "SourceRef" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttachmentCopies");

            migrationBuilder.DropTable(
                name: "StoredAttachments");
        }
    }
}
