using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Dialogues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DialoguesPerYear",
                table: "Areas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Dialogues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeaderOfficialId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaderAreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeAreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnouncedByOfficialId = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnouncedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InvitedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dialogues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dialogues_Areas_LeaderAreaId",
                        column: x => x.LeaderAreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dialogues_Areas_ScopeAreaId",
                        column: x => x.ScopeAreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dialogues_Officials_AnnouncedByOfficialId",
                        column: x => x.AnnouncedByOfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dialogues_Officials_LeaderOfficialId",
                        column: x => x.LeaderOfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DialogueQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DialogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleOfficialId = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredByOfficialId = table.Column<int>(type: "INTEGER", nullable: true),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastReminderPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    NextChaseAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueQuestions_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueQuestions_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueQuestions_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueQuestions_Officials_AnsweredByOfficialId",
                        column: x => x.AnsweredByOfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueQuestions_Officials_ResponsibleOfficialId",
                        column: x => x.ResponsibleOfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DialogueQuestions_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DialogueSubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DialogueId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubscribedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogueSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DialogueSubscriptions_Dialogues_DialogueId",
                        column: x => x.DialogueId,
                        principalTable: "Dialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DialogueSubscriptions_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_AnsweredByOfficialId",
                table: "DialogueQuestions",
                column: "AnsweredByOfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_AreaId",
                table: "DialogueQuestions",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_CategoryId",
                table: "DialogueQuestions",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_DialogueId_AskedAt",
                table: "DialogueQuestions",
                columns: new[] { "DialogueId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_NextChaseAt",
                table: "DialogueQuestions",
                column: "NextChaseAt");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_ResidentId",
                table: "DialogueQuestions",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueQuestions_ResponsibleOfficialId",
                table: "DialogueQuestions",
                column: "ResponsibleOfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_AnnouncedByOfficialId",
                table: "Dialogues",
                column: "AnnouncedByOfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_LeaderAreaId",
                table: "Dialogues",
                column: "LeaderAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_LeaderOfficialId_StartsAt",
                table: "Dialogues",
                columns: new[] { "LeaderOfficialId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_ScopeAreaId",
                table: "Dialogues",
                column: "ScopeAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Dialogues_StartsAt",
                table: "Dialogues",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSubscriptions_DialogueId_ResidentId",
                table: "DialogueSubscriptions",
                columns: new[] { "DialogueId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSubscriptions_RemindedAt",
                table: "DialogueSubscriptions",
                column: "RemindedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DialogueSubscriptions_ResidentId",
                table: "DialogueSubscriptions",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialogueQuestions");

            migrationBuilder.DropTable(
                name: "DialogueSubscriptions");

            migrationBuilder.DropTable(
                name: "Dialogues");

            migrationBuilder.DropColumn(
                name: "DialoguesPerYear",
                table: "Areas");
        }
    }
}
