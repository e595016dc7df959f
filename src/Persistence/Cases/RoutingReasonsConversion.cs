using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResidentBot.Routing.Cases;

namespace ResidentBot.Persistence.Cases;

/// <summary>
/// Stores a case's routing reasons as one JSON text column (<c>[{"code":"leader","args":["Phường Trần Phú"]}]</c>):
/// small, read only with the case, and the same on SQLite and PostgreSQL.
/// </summary>
internal static class RoutingReasonsConversion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ValueConverter<IReadOnlyList<RoutingReason>?, string?> Converter { get; } = new(
        reasons => reasons == null ? null : JsonSerializer.Serialize(reasons, Json),
        json => json == null ? null : JsonSerializer.Deserialize<List<RoutingReason>>(json, Json));

    public static ValueComparer<IReadOnlyList<RoutingReason>?> Comparer { get; } = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        reasons => reasons == null ? 0 : reasons.Aggregate(0, (hash, r) => HashCode.Combine(hash, r.GetHashCode())),
        reasons => reasons == null ? null : reasons.ToList());
}
