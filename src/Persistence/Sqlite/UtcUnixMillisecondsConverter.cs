using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ResidentBot.Persistence.Sqlite;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as INTEGER Unix milliseconds (UTC). EF's SQLite provider keeps
/// DateTimeOffset as TEXT and cannot compare or order it in SQL; an integer keeps <c>NextChaseAt &lt;= now</c>
/// on the index. Sub-millisecond precision and the original offset are dropped: values read back are UTC.
/// </summary>
internal sealed class UtcUnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
