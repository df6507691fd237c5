using MonitorDashboard.Alarms;
using MonitorDashboard.Catalog;
using MonitorDashboard.Components;
using MonitorDashboard.Configuration;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Demo;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Ingestion.Cardinality;
using MonitorDashboard.Live;
using MonitorDashboard.Query;
using MonitorDashboard.Retention;
using MonitorDashboard.Review;
using MonitorDashboard.Review.Privacy;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Storage.Catalog;
using MonitorDashboard.Storage.Deletion;
using MonitorDashboard.Storage.Review;
using MonitorDashboard.Webhooks;
using MudBlazor.Services;

namespace MonitorDashboard.Hosting;

/// <summary>Every service registration of the app, in one readable place.</summary>
public static class MonitorDashboardServices
{
    public static IServiceCollection AddMonitorDashboard(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddStorage(configuration, environment);
        services.AddValidatedOptions<IngestOptions>(configuration);
        services.AddValidatedOptions<LiveOptions>(configuration);
        services.AddValidatedOptions<DemoOptions>(configuration);
        services.AddSingleton(TimeProvider.System);

        // storage
        services.AddSingleton<SqlRunner>();
        services.AddValidatedOptions<RetentionOptions>(configuration);
        services.AddSingleton<RetentionService>();
        services.AddLeaderOnlyHostedService<RetentionService>();
        services.AddSingleton<SeriesQueryService>();
        services.AddValidatedOptions<QueryOptions>(configuration);
        services.AddValidatedOptions<CardinalityOptions>(configuration);
        services.AddSingleton<RefusalBackoff>();
        services.AddSingleton<CardinalityGuard>();
        services.AddSingleton<RefusalMetricWriter>();
        services.AddSingleton<MetricArchiveStore>();
        services.AddSingleton<MetricReaders>();
        services.AddSingleton<MetricArchiveService>();
        services.AddSingleton<SeriesDataStore>();
        services.AddSingleton<MetricDeletionService>();
        services.AddSingleton<ChartOpenStore>();
        services.AddSingleton<ChartOpenRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<ChartOpenRecorder>());
        services.AddSingleton<MetricCatalogService>();
        services.AddSingleton<MetricPanelService>();
        services.AddSingleton<PipelineSummaryService>();
        services.AddSingleton<AlarmAnnotations>();
        services.AddSingleton<AlarmBoardService>();
        services.AddSingleton<ReadinessBoardService>();
        services.AddSingleton<ReviewDeskService>();
        services.AddSingleton<SeriesBoardService>();

        // ingestion
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<EventBatchParser>();
        services.AddSingleton<IngestionQueue>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        services.AddReceivers(configuration);

        // live
        services.AddSingleton<LiveNotifier>();
        services.AddSingleton<LiveFanout>();
        services.AddSingleton<LiveHubSubscriptions>();
        services.AddScaleOut(configuration, services.AddSignalR());

        if (configuration.GetValue(DemoOptions.Section + ":" + nameof(DemoOptions.Enabled), true))
        {
            services.AddSingleton<DemoTrafficService>();
            services.AddLeaderOnlyHostedService<DemoTrafficService>();
        }

        services.AddAccounts(configuration);

        // review
        services.AddValidatedOptions<ReviewOptions>(configuration);
        services.AddSingleton<PredictionBatchParser>();
        services.AddSingleton<PredictionStore>();
        services.AddSingleton<PredictionIngestService>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<LabelledPredictionStore>();
        services.AddSingleton<ReviewExport>();
        services.AddSingleton<ReviewInsights>();
        services.AddSingleton<PredictionPrivacyStore>();
        services.AddSingleton<PredictionPrivacyService>();
        services.AddSingleton<PredictionRetentionService>();
        services.AddLeaderOnlyHostedService<PredictionRetentionService>();

        // outbound webhooks: one policy for alarm rules and deployment hooks
        services.AddValidatedOptions<WebhookOptions>(configuration);
        services.AddSingleton<WebhookPolicy>();
        services.AddSingleton<WebhookConnector>();

        // alarms
        services.AddValidatedOptions<AlarmOptions>(configuration);
        services.AddSingleton<AlarmNotifier>();
        services.AddSingleton<AlarmRuleStore>();
        services.AddSingleton<AlarmStateStore>();
        services.AddSingleton<AlarmValueReader>();
        services.AddSingleton<AlarmBacktester>();
        services.AddSingleton<AlarmWebhookOutbox>();
        services.AddSingleton<AlarmWebhookSender>();
        services.AddSingleton<AlarmEvaluationService>();
        services.AddLeaderOnlyHostedService<AlarmEvaluationService>();
        // Retries with exponential backoff and jitter (not of policy refusals), per-attempt and total timeouts, circuit breaker.
        services.AddHttpClient(AlarmWebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookConnector>().CreateHandler())
            .AddStandardResilienceHandler(WebhookResilience.SkipRefusals);
        services.AddDeployments(configuration);
        services.AddAnalysis(configuration);

        // operations
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, QueryJsonContext.Default));
        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthTags.Ready])
            .AddCheck<WriterHealthCheck>("writer", tags: [HealthTags.Ready]);
        services.AddOpenApi();

        // pages
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<BrowserTime>();
        return services;
    }
}
