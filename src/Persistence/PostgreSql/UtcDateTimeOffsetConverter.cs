using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ResidentBot.Persistence.PostgreSql;

/// <summary>
/// Npgsql stores a <see cref="DateTimeOffset"/> as <c>timestamptz</c> and refuses any offset but zero. The product
/// reads its time from <see cref="TimeProvider"/> (UTC), but values may be built in a local offset (office hours in
/// Asia/Ho_Chi_Minh, +07:00): every value is turned to the same instant in UTC before it is written. Values read
/// back are UTC, as on SQLite.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
