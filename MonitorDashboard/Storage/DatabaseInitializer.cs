using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Storage;

/// <summary>Brings the database up to date before the app serves its first request.</summary>
public static class DatabaseInitializer
{
    /// <summary>Said at start with Provider=Postgres until the point store (the hot path, built separately) runs on PostgreSQL.</summary>
    public const string PointsNotOnPostgres =
        "Storage:Provider=Postgres is not complete yet: accounts, alarms and the review queue run on PostgreSQL, but the point store " +
        "(ingestion, rollups, charts) is still SQLite-only, so the app refuses to start rather than half-work. Use Storage:Provider=Sqlite.";

    /// <summary>Stops the start before anything touches a database the app could only half use.</summary>
    public static void EnsureSupported(StorageProvider provider)
    {
        if (provider == StorageProvider.Postgres)
        {
            throw new InvalidOperationException(PointsNotOnPostgres);
        }
    }

    /// <summary>Applies the provider's migrations (PostgreSQL: <see cref="Postgres.PostgresMonitorDbContext"/>'s own set).</summary>
    public static async Task MigratePostgresAsync(IDbContextFactory<MonitorDbContext> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The SQLite file: its folder, incremental vacuum, migrations, WAL.</summary>
    public static async Task InitializeAsync(IDbContextFactory<MonitorDbContext> factory, string databasePath, CancellationToken cancellationToken = default)
    {
        // SQLite creates a missing file but not a missing folder.
        var folder = Path.GetDirectoryName(databasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await EnableIncrementalVacuumAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers (pages, queries) run while the writer commits; it is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    /// <summary>
    /// Lets retention hand freed pages back (PRAGMA incremental_vacuum), so the file shrinks after data ages out.
    /// A new file takes the mode with its first table; an older file needs one VACUUM, which rewrites it once.
    /// </summary>
    private static async Task EnableIncrementalVacuumAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        const long Incremental = 2;
        if (await ScalarAsync(db, "PRAGMA auto_vacuum", cancellationToken) == Incremental)
        {
            return;
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA auto_vacuum=INCREMENTAL;", cancellationToken);
        if (await ScalarAsync(db, "PRAGMA page_count", cancellationToken) > 0)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM;", cancellationToken);
        }
    }

    private static async Task<long> ScalarAsync(MonitorDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
