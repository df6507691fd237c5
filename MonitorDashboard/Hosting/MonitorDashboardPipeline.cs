using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Accounts;
using MonitorDashboard.Alarms;
using MonitorDashboard.Catalog;
using MonitorDashboard.Components;
using MonitorDashboard.Configuration;
using MonitorDashboard.Deployments;
using MonitorDashboard.Deployments.Canary;
using MonitorDashboard.Drift;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Live;
using MonitorDashboard.Query;
using MonitorDashboard.Review;
using MonitorDashboard.Review.Privacy;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Hosting;

/// <summary>The middleware pipeline and every endpoint, in one readable place.</summary>
public static class MonitorDashboardPipeline
{
    public static async Task<WebApplication> MapMonitorDashboardAsync(this WebApplication app)
    {
        // Every ValidateOnStart check runs now, before the database is touched: a bad setting stops here with its message.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
        if (app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres)
        {
            await DatabaseInitializer.MigratePostgresAsync(contexts);
            app.Logger.LogInformation("Storage: PostgreSQL (ConnectionStrings:Postgres)");
        }
        else
        {
            var database = app.Services.GetRequiredService<DatabaseLocation>();
            await DatabaseInitializer.InitializeAsync(contexts, database.FullPath);
            app.Logger.LogInformation("Storage: {Path}", database.FullPath);
        }
        await BootstrapAccounts.EnsureAsync(app.Services);

        // Anything unexpected becomes a problem+json 500 without details; client errors are answered by the endpoints.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Health stays anonymous for load balancers and orchestrators; it tells nothing but Healthy/Unhealthy.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        app.MapOpenApi().RequireAuthorization(Policies.Viewer);
        app.MapIngestionApi();
        app.MapReceivers();
        app.MapQueryApi().RequireAuthorization(Policies.Viewer);
        app.MapHub<LiveHub>(LiveHub.Route).RequireAuthorization(Policies.Viewer);
        app.MapAlarmApi();
        app.MapReviewApi();
        app.MapPrivacyApi();
        app.MapCatalogApi();
        app.MapDeploymentApi();
        app.MapMetricDirectionApi();
        app.MapCanaryAnalysisApi();
        app.MapDriftApi();
        app.MapAccountEndpoints();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
