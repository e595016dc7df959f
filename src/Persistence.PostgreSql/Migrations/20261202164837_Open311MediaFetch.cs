using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Open311MediaFetch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MediaAttempts",
                table: "Open311Requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MediaNextAttemptAt",
                table: "Open311Requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaProblem",
                table: "Open311Requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaStatus",
                table: "Open311Requests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.CreateIndex(
                name: "IX_Open311Requests_MediaNextAttemptAt",
                table: "Open311Requests",
                column: "MediaNextAttemptAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Open311Requests_MediaNextAttemptAt",
                table: "Open311Requests");

            migrationBuilder.DropColumn(
                name: "MediaAttempts",
                table: "Open311Requests");

            migrationBuilder.DropColumn(
                name: "MediaNextAttemptAt",
                table: "Open311Requests");

            migrationBuilder.DropColumn(
                name: "MediaProblem",
                table: "Open311Requests");

            migrationBuilder.DropColumn(
                name: "MediaStatus",
                table: "Open311Requests");
        }
    }
}
