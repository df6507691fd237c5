using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>Reads the rollup rows of one series, resolution and time range in time order (a week of minutes is ten thousand rows).</summary>
internal sealed class RollupStatement(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _statement = new(connection,
        """
        SELECT BucketMs, Count, Sum, Min, Max, Last, Sketch, LastMs FROM Rollups
        WHERE SeriesId = ?1 AND ResolutionMs = ?2 AND BucketMs >= ?3 AND BucketMs < ?4 ORDER BY BucketMs
        """);

    public long BucketMs => _statement.Int64(0);
    public long Count => _statement.Int64(1);
    public double Sum => _statement.Double(2);
    public double Min => _statement.Double(3);
    public double Max => _statement.Double(4);
    public double Last => _statement.Double(5);
    public long LastMs => _statement.Int64(7);

    /// <summary>Valid until the next call to <see cref="Next"/>.</summary>
    public ReadOnlySpan<byte> Sketch => _statement.Blob(6);

    public void Start(long seriesId, RangeSegment segment)
    {
        _statement.Restart();
        _statement.Bind(1, seriesId).Bind(2, segment.ResolutionMs).Bind(3, segment.FromMs).Bind(4, segment.ToMs);
    }

    public bool Next() => _statement.Next();

    public void Dispose() => _statement.Dispose();
}
