namespace MonitorDashboard.Storage;

/// <summary>
/// The row-per-point layout before blocks (<see cref="PointBlockRow"/>), kept as an import table: rows found here (an
/// upgraded database, a bulk load) are moved into blocks when the writer starts (<see cref="Blocks.LegacyRowImporter"/>).
/// One measured value of a series at a moment (Unix milliseconds, UTC: SQLite cannot order DateTimeOffset).
/// The table is clustered on (series, time, <see cref="Seq"/>); <see cref="Seq"/> tells apart points of one series
/// stamped with the same millisecond (0 for the first).
/// </summary>
public sealed class PointRow
{
    public long SeriesId { get; set; }
    public long TimestampMs { get; set; }
    public int Seq { get; set; }
    public double Value { get; set; }
}
