using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Components;
using MonitorDashboard.Configuration;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Ingestion.Cardinality;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Reading;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Storage.Catalog;
using MudBlazor.Services;

namespace MonitorDashboard.Tests.Support;

/// <summary>
/// bunit context with MudBlazor, loose JS interop, a real notifier and a real (temporary, migrated) database,
/// so components are tested against the same services the app uses.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"monitor-bunit-{Guid.NewGuid():N}.db");

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddMetrics();
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Options.Create(new LiveOptions { PageFlushIntervalMilliseconds = 50 }));
        Services.AddSingleton(Options.Create(new IngestOptions()));
        Services.AddDbContextFactory<MonitorDbContext>(o => o.UseSqlite($"Data Source={_databasePath}"));
        Services.AddSingleton<SeriesQueryService>();
        Services.AddSingleton(new PointReaders(StorageProvider.Sqlite));
        Services.AddSingleton<SeriesBoardService>();
        Services.AddSingleton<LiveNotifier>();
        Services.AddSingleton<IngestCounters>();
        Services.AddSingleton(Options.Create(new CardinalityOptions()));
        Services.AddSingleton<RefusalBackoff>();
        Services.AddSingleton<CardinalityGuard>();
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<MetricArchiveStore>();
        Services.AddScoped<BrowserTime>();
        using var db = new MonitorDbContext(new DbContextOptionsBuilder<MonitorDbContext>().UseSqlite($"Data Source={_databasePath}").Options);
        db.Database.Migrate();
    }

    protected LiveNotifier Notifier => Services.GetRequiredService<LiveNotifier>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }
}
