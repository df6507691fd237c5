using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// The ceiling under the HTTP figures: points written straight into a database with the app's schema
/// (created by the app's own migrations), WAL, synchronous=FULL and foreign_keys=ON, as the app's writer connection has.
/// Each point goes to one of <see cref="EventBodyWriter.SeriesCount"/> series, as in the HTTP runs.
/// </summary>
public static class StoreBenchmark
{
    /// <summary>
    /// The ceiling: a bare loop writing the app's layout, per-series blocks and one id-hash row per transaction
    /// (<see cref="StoreLayoutBenchmark.Blocks"/>); ids in insert order, as the HTTP runs send them.
    /// </summary>
    public static StoreResult Raw(string databasePath, int rowsPerTransaction, bool withIds, TimeSpan duration) =>
        StoreLayoutBenchmark.Blocks(databasePath, rowsPerTransaction, withIds ? EventIdShape.InOrder : EventIdShape.None, duration);

    /// <summary>EF Core's change tracker: a short-lived <see cref="MonitorDbContext"/> per transaction, AddRange, SaveChanges.</summary>
    public static StoreResult EntityFramework(string databasePath, int rowsPerTransaction, bool withIds, TimeSpan duration)
    {
        using var connection = Open(databasePath);
        var options = new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite(connection).Options;
        long sequence = 0;
        var baseMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        void Transaction()
        {
            using var db = new MonitorDbContext(options);
            var points = new PointRow[rowsPerTransaction];
            var ids = withIds ? new EventIdRow[rowsPerTransaction] : [];
            for (var i = 0; i < rowsPerTransaction; i++, sequence++)
            {
                points[i] = new PointRow { SeriesId = (sequence % EventBodyWriter.SeriesCount) + 1, TimestampMs = baseMs + sequence, Value = (sequence % 1000) * 0.37 };
                if (withIds)
                {
                    ids[i] = new EventIdRow { Id = $"c0-{sequence}", ReceivedMs = baseMs };
                }
            }
            db.Points.AddRange(points);
            db.EventIds.AddRange(ids);
            // One SaveChanges is one transaction.
            db.SaveChanges();
        }

        return Measure("EF Core AddRange + SaveChanges", rowsPerTransaction, withIds, duration, Transaction, () => sequence);
    }

    /// <summary>
    /// The app's own writer path minus HTTP and parsing: <see cref="PointStore.AppendAsync"/> (prepared statements on one
    /// long-lived connection, id claim, series cache, rollups saved once a second) as <c>GroupCommitWriter</c> calls it.
    /// </summary>
    public static StoreResult AppPointStore(string databasePath, int rowsPerTransaction, bool withIds, TimeSpan duration)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        var options = new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite(connectionString).AddInterceptors(new PragmaInterceptor()).Options;
        using var store = new PointStore(new PooledDbContextFactory<MonitorDbContext>(options), TimeProvider.System,
            Options.Create(new StorageOptions()), Options.Create(new RetentionOptions()));
        var series = Enumerable.Range(0, EventBodyWriter.SeriesCount)
            .Select(i => new SeriesKey() { Model = "bench", Version = "v1", Stage = "recognizer", Kind = "software", Name = $"metric_{i}", Tags = TagJson.Empty })
            .ToArray();
        long sequence = 0;
        var baseMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        void Transaction()
        {
            var writes = new PointWrite[rowsPerTransaction];
            for (var i = 0; i < rowsPerTransaction; i++, sequence++)
            {
                writes[i] = new PointWrite(withIds ? $"c0-{sequence}" : null, series[sequence % series.Length], baseMs + sequence, (sequence % 1000) * 0.37);
            }
            store.AppendAsync(writes, CancellationToken.None).GetAwaiter().GetResult();
        }

        var result = Measure("app PointStore.AppendAsync", rowsPerTransaction, withIds, duration, Transaction, () => sequence);
        SqliteConnection.ClearAllPools();
        return result;
    }

    /// <summary>An empty database file with the app's schema (its migrations) and the series the loops write to.</summary>
    public static async Task CreateAsync(string databasePath)
    {
        await using var db = await CreateSchemaAsync(databasePath);
        db.Series.AddRange(Enumerable.Range(0, EventBodyWriter.SeriesCount).Select(i => new SeriesRow
        {
            Model = "bench", Version = "v1", Stage = "recognizer", Kind = "software", Name = $"metric_{i}", Tags = TagJson.Empty,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>A database file with the app's schema (its migrations) in WAL mode and no rows, for data written elsewhere.</summary>
    public static async Task CreateEmptyAsync(string databasePath)
    {
        await using var db = await CreateSchemaAsync(databasePath);
    }

    private static async Task<MonitorDbContext> CreateSchemaAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        var db = new MonitorDbContext(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite(connectionString).Options);
        try
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    internal static StoreResult Measure(string writer, int rowsPerTransaction, bool withIds, TimeSpan duration, Action transaction, Func<long> rows)
    {
        transaction(); // warm-up: JIT, statement preparation, EF model building
        var rowsBefore = rows();
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            transaction();
        }
        return new StoreResult(writer, rowsPerTransaction, withIds, rows() - rowsBefore, Stopwatch.GetElapsedTime(started));
    }

    internal static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
