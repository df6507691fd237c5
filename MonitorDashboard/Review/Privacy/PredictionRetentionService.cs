using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;

namespace MonitorDashboard.Review.Privacy;

/// <summary>Removes prediction payloads past their retention, on the points' retention interval.</summary>
public sealed class PredictionRetentionService(
    PredictionPrivacyService privacy, IOptions<RetentionOptions> options, TimeProvider time, ILogger<PredictionRetentionService> logger)
    : PeriodicBackgroundService(time, logger)
{
    private readonly ILogger<PredictionRetentionService> _logger = logger;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PruneIntervalSeconds);

    protected override bool RunAtStart => false;

    protected override string WorkName => "Prediction retention";

    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        var deleted = await privacy.PruneAsync(Time.GetUtcNow(), stoppingToken);
        if (deleted > 0)
        {
            _logger.LogInformation("Retention removed {Count} predictions past their age", deleted);
        }
    }
}
