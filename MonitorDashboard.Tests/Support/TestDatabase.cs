using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Alarms;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using Microsoft.Extensions.Options;
using MonitorDashboard.Retention;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Storage.Deletion;
using MonitorDashboard.Storage.Postgres;
using MonitorDashboard.Storage.Reading;
using MonitorDashboard.Storage.Retention;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Tests.Support;

/// <summary>
/// A fresh, migrated database of either engine with the storage classes on it, built the way the app builds them
/// (<see cref="MonitorDbContextFactory"/>, the engine's migrations): the storage tests run unchanged on both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The engines every storage test runs against.</summary>
    public static readonly TheoryData<StorageProvider> Engines = new(StorageProvider.Sqlite, StorageProvider.Postgres);

    private readonly ServiceProvider _services;
    private readonly string? _sqliteFolder;

    private readonly string? _postgres;

    private TestDatabase(MonitorDbContextFactory factory, string? sqliteFolder, string? postgres)
    {
        _sqliteFolder = sqliteFolder;
        _postgres = postgres;
        Factory = factory;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddOptions();
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<MonitorDbContext>>(factory);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AlarmNotifier>();
        services.AddSingleton<AlarmRuleStore>();
        services.AddSingleton<SeriesQueryService>();
        services.AddSingleton<AlarmStateStore>();
        services.AddSingleton<AlarmWebhookOutbox>();
        services.AddSingleton<PredictionStore>();
        services.AddSingleton<PredictionPrivacyStore>();
        services.AddSingleton<ReviewQueueStore>(_ => factory.Provider == StorageProvider.Postgres
            ? new PostgresReviewQueueStore(factory) : new SqliteReviewQueueStore(factory));
        // The point side: the engine's writer store, readers and retention.
        services.AddSingleton(new PointReaders(factory.Provider));
        services.AddSingleton<SqlRunner>();
        services.AddSingleton<SeriesDataStore>();
        services.AddSingleton(_ => NewPointStore());
        services.AddSingleton<RetentionStore>(_ => factory.Provider == StorageProvider.Postgres
            ? new PostgresRetentionStore(factory, Get<SqlRunner>()) : new SqliteRetentionStore(factory, Get<SqlRunner>()));
        services.AddSingleton<RetentionService>();
        _services = services.BuildServiceProvider();
    }

    /// <summary>
    /// Another writer's store on the same database: a restarted writer on SQLite, a second instance on PostgreSQL.
    /// (<see cref="Get{T}"/> of <see cref="IPointStore"/> is the first one.)
    /// </summary>
    public IPointStore NewPointStore() => _postgres is not null
        ? new PostgresPointStore(WriterDataSource.Create(_postgres), Time, Options.Create(new StorageOptions()), NullLogger<PostgresPointStore>.Instance)
        : new PointStore(Factory, Time, Options.Create(new StorageOptions()), Options.Create(new RetentionOptions()));

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    public MonitorDbContextFactory Factory { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            var connectionString = await server.CreateDatabaseAsync();
            var factory = MonitorDbContextFactory.ForPostgres(connectionString);
            await DatabaseInitializer.MigratePostgresAsync(factory, TestContext.Current.CancellationToken);
            return new TestDatabase(factory, null, connectionString);
        }
        var folder = Directory.CreateTempSubdirectory("monitor-storage-").FullName;
        var path = Path.Combine(folder, "monitor.db");
        var sqlite = MonitorDbContextFactory.ForSqlite(path, SqliteSynchronous.Normal);
        await DatabaseInitializer.InitializeAsync(sqlite, path, TestContext.Current.CancellationToken);
        return new TestDatabase(sqlite, folder, null);
    }

    /// <summary>Rows in a table, by its name (quoted, so both engines read it alike).</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var db = Factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A series row, for the rows that refer to one (alarm states).</summary>
    public async Task<long> AddSeriesAsync(string name = "latency_ms")
    {
        await using var db = Factory.CreateDbContext();
        var row = new SeriesRow { Model = "asr", Version = "v1", Stage = "asr", Kind = "software", Name = name, Tags = "{}" };
        db.Series.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}
