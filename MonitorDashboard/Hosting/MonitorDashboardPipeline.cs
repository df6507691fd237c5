using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Components;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Live;
using MonitorDashboard.Query;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Hosting;

/// <summary>The middleware pipeline and every endpoint, in one readable place.</summary>
public static class MonitorDashboardPipeline
{
    public static async Task<WebApplication> MapMonitorDashboardAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseLocation>();
        await DatabaseInitializer.InitializeAsync(app.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>(), database.FullPath);
        app.Logger.LogInformation("Storage: {Path}", database.FullPath);

        // Anything unexpected becomes a problem+json 500 without details; client errors are answered by the endpoints.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        app.MapOpenApi();
        app.MapIngestionApi();
        app.MapQueryApi();
        app.MapHub<LiveHub>(LiveHub.Route);

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
