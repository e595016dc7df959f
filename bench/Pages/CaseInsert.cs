using Microsoft.Data.Sqlite;

namespace ResidentBot.Pages.Bench;

/// <summary>One prepared INSERT reused for every case: parameters rebound, nothing reparsed.</summary>
internal sealed class CaseInsert : IDisposable
{
    private static readonly string[] Columns =
        ["TrackingCode", "CategoryId", "AreaId", "ResidentId", "Description", "AnonymousToOfficials", "Status", "AccountableOfficialId",
         "CreatedAt", "AcknowledgeDueAt", "ResolveDueAt", "AcknowledgedAt", "ResolvedAt", "ClosedAt", "EscalationLevel", "Version",
         "Latitude", "Longitude", "AddressText", "PausedAt", "PausedFor", "Rating", "ReopenCount", "PublicationConsent", "ResolutionNote",
         "RejectionReason", "NextChaseAt"];

    private readonly SqliteCommand command;
    private readonly Dictionary<string, SqliteParameter> parameters;

    private CaseInsert(SqliteCommand command)
    {
        this.command = command;
        parameters = Columns.ToDictionary(c => c, c => command.Parameters.Add(new SqliteParameter { ParameterName = "$" + c }));
    }

    public static CaseInsert Prepare(SqliteConnection c, SqliteTransaction tx)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO Cases ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        var insert = new CaseInsert(command);
        command.Prepare();
        return insert;
    }

    public void Add(SeedCase row, string trackingCode, long residentId)
    {
        Set("TrackingCode", trackingCode);
        Set("CategoryId", row.CategoryId);
        Set("AreaId", row.AreaId);
        Set("ResidentId", residentId);
        Set("Description", row.Description);
        Set("AnonymousToOfficials", 0);
        Set("Status", row.Status);
        Set("AccountableOfficialId", row.OfficialId);
        Set("CreatedAt", Ms(row.CreatedAt));
        Set("AcknowledgeDueAt", Ms(row.AcknowledgeDueAt));
        Set("ResolveDueAt", Ms(row.ResolveDueAt));
        Set("AcknowledgedAt", Ms(row.AcknowledgedAt));
        Set("ResolvedAt", Ms(row.ResolvedAt));
        Set("ClosedAt", Ms(row.ClosedAt));
        Set("EscalationLevel", 0);
        Set("Version", 1);
        Set("Latitude", row.Latitude);
        Set("Longitude", row.Longitude);
        Set("AddressText", row.Address);
        Set("PausedAt", Ms(row.PausedAt));
        Set("PausedFor", row.PausedFor);
        Set("Rating", row.Rating);
        Set("ReopenCount", row.ReopenCount);
        Set("PublicationConsent", row.Published ? 1 : 0);
        Set("ResolutionNote", row.ResolutionNote);
        Set("RejectionReason", row.RejectionReason);
        // Far in the future: the chase of a started host has nothing of these to do during a page benchmark.
        Set("NextChaseAt", row.Status is "Closed" or "Rejected" ? null : Ms(row.CreatedAt.AddYears(5)));
        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();

    private static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    private void Set(string column, object? value) => parameters[column].Value = value ?? DBNull.Value;
}
