using MonitorDashboard.Review;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Dashboards;

/// <summary>The automation readiness page: the models with shadow predictions, and per model its report, verdicts and agreement chart.</summary>
public sealed class ReadinessBoardService(ReviewInsights insights, SeriesQueryService queries, TimeProvider time)
{
    public static readonly TimeSpan AgreementRange = TimeSpan.FromHours(24);
    private const long AgreementStepMs = 300_000;
    private static readonly MetricDefinition Agreement = new(PredictionIngestService.AgreementMetric, "Agreement", "%", [BucketStat.Avg], 100);

    public Task<IReadOnlyList<string>> ModelsAsync(CancellationToken cancellationToken = default) => insights.ModelsAsync(cancellationToken);

    /// <summary>The readiness report (every shadow version), reviewer verdict counts and the agreement with production over the last 24 h.</summary>
    public async Task<ReadinessBoard> LoadAsync(string model, CancellationToken cancellationToken = default)
    {
        var report = await insights.ReadinessAsync(model, null, cancellationToken);
        var verdicts = await insights.VerdictSharesAsync(model, cancellationToken);
        var now = time.GetUtcNow();
        var buckets = await queries.GetBucketsAsync(new SeriesSelector { Model = model, Name = PredictionIngestService.AgreementMetric },
            (now - AgreementRange).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds() + 1, AgreementStepMs, cancellationToken);
        return new ReadinessBoard(report, verdicts, ChartLines.From(buckets, Agreement));
    }
}

/// <summary>What the readiness page draws for one model.</summary>
public sealed record ReadinessBoard(ReadinessReport Report, IReadOnlyDictionary<string, int> Verdicts, IReadOnlyList<ChartSeries> Agreement);
