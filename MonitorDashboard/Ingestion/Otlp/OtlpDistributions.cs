using Google.Protobuf.Collections;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// Histograms and exponential histograms: per data point, the values spread inside their buckets
/// (<see cref="RepresentativePoints"/>) under the metric's own name, so its p50/p95/p99 chart like any latency, plus
/// the exact count and sum under <c>.count</c> and <c>.sum</c>. Cumulative histograms are first turned into the
/// difference from the stream's previous point, bucket by bucket.
/// </summary>
public sealed class OtlpDistributions(CumulativeStreams streams, OtlpPointTargets targets, IOptions<OtlpOptions> options)
{
    public const string CountSuffix = ".count";
    public const string SumSuffix = ".sum";

    public void Translate(MetricContext context, Histogram histogram)
    {
        var cumulative = histogram.AggregationTemporality == AggregationTemporality.Cumulative;
        foreach (var point in histogram.DataPoints)
        {
            var buckets = ExplicitBuckets.From(point);
            if (point.BucketCounts.Count > 0 && buckets is null)
            {
                context.Translation.Reject(1, "bucket_counts must have one element more than explicit_bounds, whose values must be finite and increasing");
                continue;
            }
            var observed = new Observed((long)Math.Min(point.Count, long.MaxValue), point.HasSum ? point.Sum : null, point.HasMin ? point.Min : null, point.HasMax ? point.Max : null);
            Translate(context, point.Attributes, point.StartTimeUnixNano, point.TimeUnixNano, point.Flags, cumulative, observed,
                new StreamSnapshot(point.StartTimeUnixNano, point.TimeUnixNano) { Explicit = buckets },
                previous => previous.Explicit is null || buckets is null ? buckets : buckets.Minus(previous.Explicit),
                snapshot => snapshot.Explicit?.Ranges());
        }
    }

    public void Translate(MetricContext context, ExponentialHistogram histogram)
    {
        var cumulative = histogram.AggregationTemporality == AggregationTemporality.Cumulative;
        foreach (var point in histogram.DataPoints)
        {
            var buckets = ExponentialBuckets.From(point);
            if (buckets is null)
            {
                context.Translation.Reject(1, "exponential histogram scales must lie between -10 and 20");
                continue;
            }
            var observed = new Observed((long)Math.Min(point.Count, long.MaxValue), point.HasSum ? point.Sum : null, point.HasMin ? point.Min : null, point.HasMax ? point.Max : null);
            Translate(context, point.Attributes, point.StartTimeUnixNano, point.TimeUnixNano, point.Flags, cumulative, observed,
                new StreamSnapshot(point.StartTimeUnixNano, point.TimeUnixNano) { Exponential = buckets },
                previous => previous.Exponential is null ? buckets : buckets.Minus(previous.Exponential),
                snapshot => snapshot.Exponential?.Ranges());
        }
    }

    /// <param name="current">The point as a snapshot (its buckets); count and sum are filled in here.</param>
    /// <param name="bucketDelta">The buckets minus a previous snapshot's; null when a bucket went down (a reset).</param>
    private void Translate(
        MetricContext context, RepeatedField<KeyValue> attributes,
        ulong startNs, ulong timeNs, uint flags, bool cumulative, Observed observed, StreamSnapshot current,
        Func<StreamSnapshot, object?> bucketDelta, Func<StreamSnapshot, IReadOnlyList<BucketRange>?> ranges)
    {
        if (targets.Target(context, attributes, timeNs, flags) is not { } target)
        {
            return;
        }
        var scale = context.Scale;
        current = current with { Count = observed.Count, Sum = (observed.Sum ?? 0) * scale };
        var interval = current;
        if (cumulative)
        {
            var key = new StreamKey(target.Series, "histogram");
            var previous = context.Translation.Find(key);
            var delta = previous is null ? null : bucketDelta(previous);
            var hasBuckets = current.Explicit is not null || current.Exponential is not null;
            var wentDown = previous is not null && (observed.Count < previous.Count || (hasBuckets && delta is null));
            var step = streams.Step(previous, startNs, timeNs, wentDown, out _);
            if (step == StreamStep.Stale)
            {
                return;
            }
            if (step == StreamStep.Baseline)
            {
                context.Translation.Remember(key, current);
                return;
            }
            if (step == StreamStep.Delta)
            {
                interval = current with
                {
                    Count = current.Count - previous!.Count,
                    Sum = current.Sum - previous.Sum,
                    Explicit = delta as ExplicitBuckets ?? current.Explicit,
                    Exponential = delta as ExponentialBuckets ?? current.Exponential,
                };
            }
            if (Add(context, target, interval, observed, ranges(interval)))
            {
                context.Translation.Remember(key, current);
            }
            return;
        }
        Add(context, target, interval, observed, ranges(interval));
    }

    private bool Add(MetricContext context, PointTarget target, StreamSnapshot interval, Observed observed, IReadOnlyList<BucketRange>? ranges)
    {
        var scale = context.Scale;
        var values = new List<(string Suffix, double Value)> { (CountSuffix, interval.Count) };
        if (observed.Sum is not null)
        {
            values.Add((SumSuffix, interval.Sum));
        }
        if (ranges is not null && interval.Count > 0)
        {
            var scaled = ranges.Select(r => r with { Lower = r.Lower * scale, Upper = r.Upper * scale }).ToList();
            var spread = RepresentativePoints.Spread(scaled, options.Value.MaxPointsPerHistogram, observed.Min * scale, observed.Max * scale);
            values.AddRange(spread.Select(v => ("", v)));
        }
        return context.Add(target, values);
    }

    /// <summary>What a histogram point says besides its buckets, in the metric's own unit.</summary>
    private readonly record struct Observed(long Count, double? Sum, double? Min, double? Max);
}
