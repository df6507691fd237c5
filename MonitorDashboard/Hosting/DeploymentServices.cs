using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Deployments;
using MonitorDashboard.Storage.Deployments;
using MonitorDashboard.Webhooks;

namespace MonitorDashboard.Hosting;

/// <summary>Deployments, metric directions and the deployment webhook.</summary>
public static class DeploymentServices
{
    public static IServiceCollection AddDeployments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DeploymentOptions>(configuration);
        services.AddSingleton<IValidateOptions<DeploymentOptions>, DeploymentHookValidation>();
        services.AddSingleton<DeploymentStore>();
        services.AddSingleton<DeploymentService>();
        services.AddSingleton<MetricDirectionStore>();
        services.AddSingleton<DeploymentWebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<DeploymentWebhookSender>());
        // Retries with exponential backoff and jitter (not of policy refusals), per-attempt and total timeouts, circuit breaker; tunable per install.
        services.AddHttpClient(DeploymentWebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookConnector>().CreateHandler())
            .AddStandardResilienceHandler(o =>
            {
                configuration.GetSection($"{DeploymentOptions.Section}:WebhookResilience").Bind(o);
                WebhookResilience.SkipRefusals(o);
            });
        return services;
    }
}
