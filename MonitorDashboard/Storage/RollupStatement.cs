using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.Rollups;
using SQLitePCL;

namespace MonitorDashboard.Storage;

/// <summary>
/// Reads rollup rows through SQLite's own statement API. A week of minute rollups is ten thousand rows per series,
/// and Microsoft.Data.Sqlite's reader spends about a microsecond per row on its checks and conversions, more than
/// SQLite needs to find the row; here each value is one native call and the sketch is read in place, not copied.
/// </summary>
internal sealed class RollupStatement : IDisposable
{
    private const int Row = 100; // SQLITE_ROW
    private const int Done = 101; // SQLITE_DONE

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public RollupStatement(SqliteConnection connection)
    {
        _database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_database,
            """
            SELECT BucketMs, Count, Sum, Min, Max, Last, Sketch FROM Rollups
            WHERE SeriesId = ?1 AND ResolutionMs = ?2 AND BucketMs >= ?3 AND BucketMs < ?4 ORDER BY BucketMs
            """, out _statement));
    }

    public long BucketMs => raw.sqlite3_column_int64(_statement, 0);
    public long Count => raw.sqlite3_column_int64(_statement, 1);
    public double Sum => raw.sqlite3_column_double(_statement, 2);
    public double Min => raw.sqlite3_column_double(_statement, 3);
    public double Max => raw.sqlite3_column_double(_statement, 4);
    public double Last => raw.sqlite3_column_double(_statement, 5);

    /// <summary>Valid until the next call to <see cref="Next"/>.</summary>
    public ReadOnlySpan<byte> Sketch => raw.sqlite3_column_blob(_statement, 6);

    public void Start(long seriesId, RangeSegment segment)
    {
        Check(raw.sqlite3_reset(_statement));
        Check(raw.sqlite3_bind_int64(_statement, 1, seriesId));
        Check(raw.sqlite3_bind_int64(_statement, 2, segment.ResolutionMs));
        Check(raw.sqlite3_bind_int64(_statement, 3, segment.FromMs));
        Check(raw.sqlite3_bind_int64(_statement, 4, segment.ToMs));
    }

    public bool Next()
    {
        var result = raw.sqlite3_step(_statement);
        if (result is Row or Done)
        {
            return result == Row;
        }
        SqliteException.ThrowExceptionForRC(result, _database);
        return false;
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
