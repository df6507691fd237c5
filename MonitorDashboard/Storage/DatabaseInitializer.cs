using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>Brings the database up to date before the app serves its first request.</summary>
public static class DatabaseInitializer
{
    /// <summary>
    /// Applies <see cref="Postgres.PostgresMonitorDbContext"/>'s own migrations; every instance may do so at start, as EF
    /// Core takes a lock on the migrations history table. A server that cannot be reached is named in the error.
    /// </summary>
    public static async Task MigratePostgresAsync(IDbContextFactory<MonitorDbContext> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            throw new InvalidOperationException(
                $"PostgreSQL at {server.Host}:{server.Port}/{server.Database} (ConnectionStrings:Postgres) could not be prepared: {ex.Message}", ex);
        }
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
