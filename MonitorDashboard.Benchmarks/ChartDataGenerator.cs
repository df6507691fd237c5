using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// A week of history for the chart queries, written straight into a fresh database with the app's schema:
/// <see cref="SeriesCount"/> series (model <see cref="Model"/>, one stage, <see cref="Versions"/> x <see cref="MetricNames"/>),
/// points evenly spaced over the 7 days before the end time and taken by the series in turn, in time order, as live
/// traffic arrives; values log-normal around 50 ms, as request latencies are. Written for speed, not durability
/// (synchronous=OFF, big transactions): only the result is measured, not this.
/// </summary>
public static class ChartDataGenerator
{
    public const string Model = "bench";
    public const string Stage = "recognizer";
    public static readonly string[] Versions = ["v1", "v2", "v3", "v4"];
    public static readonly string[] MetricNames = Enumerable.Range(0, 25).Select(i => $"latency_{i:00}_ms").ToArray();
    public static readonly int SeriesCount = Versions.Length * MetricNames.Length;
    public static readonly TimeSpan Span = TimeSpan.FromDays(7);

    private const int RowsPerTransaction = 250_000;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    public static async Task<ChartDataset> GenerateAsync(string databasePath, long points, DateTimeOffset end)
    {
        await StoreBenchmark.CreateEmptyAsync(databasePath);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        // A large page cache keeps the table's 100 insertion points (one per series) in memory.
        Execute(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");

        var seriesIds = InsertSeries(connection, (end - Span).ToUnixTimeMilliseconds());
        using var insert = SqliteStatements.Prepare(connection,
            "INSERT INTO Points (SeriesId, TimestampMs, Value) VALUES ($series, $ts, $value)", "$series", "$ts", "$value");
        var started = Stopwatch.GetTimestamp();
        var lastProgress = started;
        using var generated = Points(points, end).GetEnumerator();
        for (long written = 0; written < points;)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var transactionEnd = Math.Min(points, written + RowsPerTransaction); written < transactionEnd && generated.MoveNext(); written++)
            {
                var point = generated.Current;
                insert.Parameters[0].Value = seriesIds[point.Series];
                insert.Parameters[1].Value = point.TimestampMs;
                insert.Parameters[2].Value = point.Value;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            if (Stopwatch.GetElapsedTime(lastProgress) >= ProgressInterval)
            {
                lastProgress = Stopwatch.GetTimestamp();
                Console.Error.WriteLine($"  chart data: {written:N0} / {points:N0} points, {written / Stopwatch.GetElapsedTime(started).TotalSeconds:N0} points/s");
            }
        }
        // Bulk-written points have no rollups yet: mark their minutes pending, as the upgrade that added rollups does,
        // and the app rolls them up at start (the start-up time in the table).
        Execute(connection, "INSERT INTO RollupPending SELECT DISTINCT SeriesId, TimestampMs - (TimestampMs % 60000) FROM Points;");
        var elapsed = Stopwatch.GetElapsedTime(started);
        // The app starts on a file whose WAL is empty, as after a clean shutdown.
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new ChartDataset(points, seriesIds.Length, elapsed);
    }

    /// <summary>
    /// The generated history, the same for every store it is loaded into: per point the series' index (versions outer,
    /// metric names inner, as <see cref="InsertSeries"/> numbers them), its time and its value.
    /// </summary>
    public static IEnumerable<(int Series, long TimestampMs, double Value)> Points(long points, DateTimeOffset end)
    {
        var startMs = (end - Span).ToUnixTimeMilliseconds();
        var spanMs = (long)Span.TotalMilliseconds;
        var random = new Random(7);
        for (long i = 0; i < points; i++)
        {
            yield return ((int)(i % SeriesCount), startMs + (i * spanMs / points), LatencyMilliseconds(random));
        }
    }

    private static long[] InsertSeries(SqliteConnection connection, long createdMs)
    {
        using var insert = SqliteStatements.Prepare(connection,
            "INSERT INTO Series (Model, Stage, Version, Kind, Name, Tags, CreatedMs) VALUES ($model, $stage, $version, 'software', $name, $tags, $created) RETURNING Id",
            "$model", "$stage", "$version", "$name", "$tags", "$created");
        var ids = new List<long>(SeriesCount);
        foreach (var version in Versions)
        {
            foreach (var name in MetricNames)
            {
                insert.Parameters[0].Value = Model;
                insert.Parameters[1].Value = Stage;
                insert.Parameters[2].Value = version;
                insert.Parameters[3].Value = name;
                insert.Parameters[4].Value = TagJson.Empty;
                insert.Parameters[5].Value = createdMs;
                ids.Add((long)insert.ExecuteScalar()!);
            }
        }
        return ids.ToArray();
    }

    /// <summary>Log-normal, median 50 ms, a long right tail (p99 about 160 ms); microsecond resolution, as timers report.</summary>
    private static double LatencyMilliseconds(Random random)
    {
        // Box-Muller: a standard normal from two uniforms.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Round(50 * Math.Exp(0.5 * normal), 3);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
