using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Review.Privacy;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Review;

/// <summary>
/// Stores predictions durably (one transaction per request, committed before the 202), compares the outputs, queues
/// disagreements and a sample of agreements, and feeds the agreement rate into the metrics as <c>shadow_agreement</c>.
/// </summary>
public sealed class PredictionIngestService(
    PredictionStore store,
    IOptions<ReviewOptions> options,
    IngestionQueue metrics,
    ILogger<PredictionIngestService> logger)
{
    public const string AgreementMetric = "shadow_agreement";

    public async Task<PredictionIngestResult> InsertAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var entries = predictions.Select(p =>
        {
            // Compared as sent, stored redacted: the raw user data never reaches the file.
            var agrees = OutputComparer.Agrees(p.ProductionOutput, p.ShadowOutput, settings.ComparisonFor(p.Model));
            var privacy = settings.PrivacyFor(p.Model);
            return new PredictionEntry(p, PayloadRedactor.Redact(p.Input, privacy), PayloadRedactor.Redact(p.ProductionOutput, privacy),
                PayloadRedactor.Redact(p.ShadowOutput, privacy), agrees, !agrees || IsSampled(p, settings.AgreementSampleRate));
        }).ToList();
        var stored = await store.InsertNewAsync(entries, cancellationToken);
        await FeedAgreementMetricAsync(stored);
        return new PredictionIngestResult(stored.Count, predictions.Count - stored.Count, stored.Count(e => !e.Agrees));
    }

    /// <summary>A deterministic sample (by model and id), so a retried prediction makes the same choice.</summary>
    private static bool IsSampled(Prediction p, double rate) =>
        rate > 0 && BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(p.Model + "\u001f" + p.Id))) < rate * uint.MaxValue;

    private async Task FeedAgreementMetricAsync(IReadOnlyList<PredictionEntry> stored)
    {
        if (stored.Count == 0)
        {
            return;
        }
        var events = stored.Select(s => new MetricEvent
        {
            TimestampMs = s.Prediction.TimestampMs,
            Series = new SeriesKey
            {
                Model = s.Prediction.Model, Version = s.Prediction.ShadowVersion, Stage = s.Prediction.Stage ?? s.Prediction.Model,
                Kind = MetricKind.Output.ToWire(), Name = AgreementMetric,
            },
            Value = s.Agrees ? 1 : 0,
        }).ToList();
        try
        {
            await metrics.EnqueueAsync(events);
        }
        catch (IngestionRejectedException ex)
        {
            // The predictions are stored; only this derived metric is late or missing. Never fail the request for it.
            logger.LogWarning("Agreement metric for {Count} predictions not recorded: {Reason}", events.Count, ex.Message);
        }
    }
}
