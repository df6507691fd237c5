using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage;

/// <summary>
/// Migrations of both engines are kept in step: a model change without a migration for each provider fails here
/// (add them with <c>dotnet ef migrations add &lt;Name&gt; --context MonitorDbContext</c> and <c>--context PostgresMonitorDbContext</c>).
/// </summary>
public sealed class MigrationsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public void Model_EveryChange_HasAMigrationForThisEngine(StorageProvider provider)
    {
        // Comparing the model with the last migration's snapshot needs the provider, not a server.
        var factory = provider == StorageProvider.Postgres
            ? MonitorDbContextFactory.ForPostgres("Host=127.0.0.1;Database=unused")
            : MonitorDbContextFactory.ForSqlite(Path.Combine(Path.GetTempPath(), "unused.db"), SqliteSynchronous.Full);
        using var db = factory.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), $"the model has changes without a {provider} migration");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
