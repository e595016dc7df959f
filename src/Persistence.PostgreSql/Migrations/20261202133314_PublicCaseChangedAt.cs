using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResidentBot.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PublicCaseChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChangedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ChangedAt",
                table: "Cases",
                columns: new[] { "ChangedAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ChangedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "Cases");
        }
    }
}
