using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MonitorDashboard.Storage.Conversions;

/// <summary>
/// Times kept as Unix milliseconds (<c>long</c>): SQLite cannot compare or order <see cref="DateTimeOffset"/> in SQL,
/// and the integer is the same on every engine. Rows hold <see cref="DateTimeOffset"/>; the column keeps its old
/// <c>...Ms</c> name, so the schema and the stored values are unchanged.
/// </summary>
public static class UnixMilliseconds
{
    private static readonly ValueConverter<DateTimeOffset, long> Converter =
        new(value => value.ToUnixTimeMilliseconds(), value => DateTimeOffset.FromUnixTimeMilliseconds(value));

    public static PropertyBuilder<T> StoredAsUnixMilliseconds<T>(this PropertyBuilder<T> property, string column) =>
        property.HasConversion(Converter).HasColumnName(column);
}
