using MonitorDashboard.Configuration;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Deployments.Canary;
using MonitorDashboard.Drift;

namespace MonitorDashboard.Hosting;

/// <summary>Canary analysis and drift: the statistics services, their background monitors and the pages' services.</summary>
public static class AnalysisServices
{
    public static IServiceCollection AddAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CanaryOptions>(configuration);
        services.AddSingleton<CanaryInputReader>();
        services.AddSingleton<CanaryAnalysisService>();
        services.AddSingleton<CanaryReports>();
        services.AddSingleton<CanaryMonitorService>();
        services.AddLeaderOnlyHostedService<CanaryMonitorService>();

        services.AddValidatedOptions<DriftOptions>(configuration);
        services.AddSingleton<DriftService>();
        services.AddSingleton<DriftMonitorService>();
        if (configuration.GetValue(DriftOptions.Section + ":" + nameof(DriftOptions.Enabled), true))
        {
            services.AddLeaderOnlyHostedService<DriftMonitorService>();
        }

        services.AddSingleton<DeploymentAnnotations>();
        services.AddSingleton<DeploymentBoardService>();
        services.AddSingleton<DriftBoardService>();
        return services;
    }
}
