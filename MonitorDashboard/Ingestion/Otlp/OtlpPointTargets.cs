using Google.Protobuf.Collections;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>The checks every OTLP data point passes before its values are looked at: is it stored at all, when, and in which series.</summary>
public sealed class OtlpPointTargets(OtlpSeriesMapping mapping, IOptions<IngestOptions> ingest)
{
    private const uint NoRecordedValue = (uint)DataPointFlags.NoRecordedValueMask;

    /// <summary>
    /// The series and time of a data point, or null when it is not stored: a point flagged "no recorded value" (a
    /// staleness marker) is skipped silently; a point without a time, too far in the future or whose series cannot be
    /// named is refused.
    /// </summary>
    public PointTarget? Target(MetricContext context, RepeatedField<KeyValue> attributes, ulong timeNs, uint flags)
    {
        if ((flags & NoRecordedValue) != 0)
        {
            return null;
        }
        if (timeNs == 0)
        {
            context.Translation.Reject(1, "time_unix_nano is required");
            return null;
        }
        var timestampMs = (long)(timeNs / 1_000_000);
        if (timestampMs > context.LatestMs)
        {
            context.Translation.Reject(1, $"times may lie at most {ingest.Value.MaxFutureSkewSeconds} s in the future");
            return null;
        }
        var series = mapping.Map(context.Resource, context.Metric.Name, attributes, out var dropped, out var problem);
        context.Translation.DropAttributes(dropped);
        if (series is null)
        {
            context.Translation.Reject(1, problem!);
            return null;
        }
        return new PointTarget(series.Value, timestampMs);
    }
}
