using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>Reads the rollup rows of one series, resolution and time range in time order (a week of minutes is ten thousand rows).</summary>
internal sealed class RollupStatement(SqliteConnection connection) : IDisposable
{
    private readonly NativeStatement _statement = new(connection,
        """
        SELECT BucketMs, Data FROM Rollups
        WHERE SeriesId = ?1 AND ResolutionMs = ?2 AND BucketMs >= ?3 AND BucketMs < ?4 ORDER BY BucketMs
        """);

    public long BucketMs => _statement.Int64(0);

    /// <summary>The current row's statistics; <paramref name="sketch"/> is valid until the next call to <see cref="Next"/>.</summary>
    public RollupStatistics Read(out ReadOnlySpan<byte> sketch) => RollupCodec.Decode(_statement.Blob(1), BucketMs, out sketch);

    public void Start(long seriesId, RangeSegment segment)
    {
        _statement.Restart();
        _statement.Bind(1, seriesId).Bind(2, segment.ResolutionMs).Bind(3, segment.FromMs).Bind(4, segment.ToMs);
    }

    public bool Next() => _statement.Next();

    public void Dispose() => _statement.Dispose();
}
