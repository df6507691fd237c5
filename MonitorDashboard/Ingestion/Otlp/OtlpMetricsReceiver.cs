using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion.Receivers;
using OpenTelemetry.Proto.Collector.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// One OTLP metrics export, whichever transport brought it: translated whole, written once, and only then are the
/// cumulative streams moved on (a refused or failed write leaves them as they were, so the sender's retry computes
/// the same deltas again).
/// </summary>
public sealed class OtlpMetricsReceiver(
    OtlpTranslator translator, CumulativeStreams streams, ReceiverWriter writer, ReceiverCounters counters, IOptions<OtlpOptions> options, ILogger<OtlpMetricsReceiver> logger)
{
    public async Task<OtlpExportResult> ExportAsync(ClaimsPrincipal user, ExportMetricsServiceRequest request)
    {
        var translation = translator.Translate(request);
        var max = options.Value.MaxEventsPerRequest;
        if (translation.Events.Count > max)
        {
            var tooLarge = string.Create(CultureInfo.InvariantCulture,
                $"This export becomes {translation.Events.Count} events, more than Otlp:MaxEventsPerRequest ({max}); nothing was stored. Export fewer data points at a time.");
            return new OtlpExportResult(new WriteOutcome(WriteStatus.TooLarge, Message: tooLarge), new ExportMetricsServiceResponse());
        }
        var outcome = await writer.WriteAsync(user, translation.Events, translation.Refusals);
        if (outcome.Status != WriteStatus.Stored)
        {
            return new OtlpExportResult(outcome, new ExportMetricsServiceResponse());
        }
        streams.Commit(translation.Streams);

        var response = new ExportMetricsServiceResponse();
        if (translation.Refusals.Message("data point(s)") is { } message)
        {
            counters.Record("otlp", translation.Refusals);
            logger.LogDebug("OTLP export stored {Events} events; {Message}", translation.Events.Count, message);
            response.PartialSuccess = new ExportMetricsPartialSuccess { RejectedDataPoints = translation.Refusals.RefusedPoints, ErrorMessage = message };
        }
        return new OtlpExportResult(outcome, response);
    }
}
