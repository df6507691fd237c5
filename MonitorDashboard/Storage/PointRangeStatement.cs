using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage;

/// <summary>Reads the raw points of one series in a time range, in time order (chart queries and the rollup rebuild alike).</summary>
internal sealed class PointRangeStatement(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _statement = new(connection,
        "SELECT TimestampMs, Value FROM Points WHERE SeriesId = ?1 AND TimestampMs >= ?2 AND TimestampMs < ?3 ORDER BY TimestampMs");

    public long TimestampMs => _statement.Int64(0);
    public double Value => _statement.Double(1);

    public void Start(long seriesId, long fromMs, long toMs)
    {
        _statement.Restart();
        _statement.Bind(1, seriesId).Bind(2, fromMs).Bind(3, toMs);
    }

    public bool Next() => _statement.Next();

    public void Dispose() => _statement.Dispose();
}
