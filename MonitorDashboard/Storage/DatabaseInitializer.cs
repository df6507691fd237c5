using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>Brings the database file up to date before the app serves its first request.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IDbContextFactory<MonitorDbContext> factory, string databasePath, CancellationToken cancellationToken = default)
    {
        // SQLite creates a missing file but not a missing folder.
        var folder = Path.GetDirectoryName(databasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers (pages, queries) run while the writer commits; it is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
