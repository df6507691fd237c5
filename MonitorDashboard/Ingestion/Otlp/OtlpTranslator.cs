using System.Globalization;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// Turns an OTLP export into events, entirely in memory and before anything is stored (so a refused export stores
/// nothing). Gauges are stored as they are; sums as deltas plus a per-second rate; histograms through
/// <see cref="OtlpDistributions"/>; summaries as one gauge per quantile. A data point that cannot be stored is refused
/// on its own and counted for the partial-success answer; the rest of the export goes on.
/// </summary>
public sealed class OtlpTranslator(
    OtlpSeriesMapping mapping, OtlpPointTargets targets, OtlpDistributions distributions, CumulativeStreams streams,
    IOptions<OtlpOptions> options, IOptions<IngestOptions> ingest, TimeProvider time)
{
    public const string RateSuffix = ".rate";

    public OtlpTranslation Translate(ExportMetricsServiceRequest request)
    {
        var translation = new OtlpTranslation(streams);
        var latestMs = time.GetUtcNow().ToUnixTimeMilliseconds() + (ingest.Value.MaxFutureSkewSeconds * 1000L);
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = mapping.Identify(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                var context = new MetricContext(resource, metric, OtlpUnits.ScaleToStored(metric.Unit, options.Value.ConvertDurationsToMilliseconds), latestMs, translation);
                if (!MetricNames.IsValid(metric.Name))
                {
                    translation.Reject(PointCount(metric), $"metric names {MetricNames.Rule}");
                    continue;
                }
                Translate(context);
            }
        }
        return translation;
    }

    private void Translate(MetricContext context)
    {
        var metric = context.Metric;
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                foreach (var point in metric.Gauge.DataPoints)
                {
                    if (targets.Target(context, point.Attributes, point.TimeUnixNano, point.Flags) is { } target)
                    {
                        context.Add(target, [("", Value(point) * context.Scale)]);
                    }
                }
                break;
            case Metric.DataOneofCase.Sum:
                TranslateSum(context, metric.Sum);
                break;
            case Metric.DataOneofCase.Histogram:
                distributions.Translate(context, metric.Histogram);
                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                distributions.Translate(context, metric.ExponentialHistogram);
                break;
            case Metric.DataOneofCase.Summary:
                TranslateSummary(context, metric.Summary);
                break;
        }
    }

    private void TranslateSum(MetricContext context, Sum sum)
    {
        if (sum.AggregationTemporality == AggregationTemporality.Unspecified)
        {
            context.Translation.Reject(sum.DataPoints.Count, "sums need an aggregation temporality (delta or cumulative)");
            return;
        }
        foreach (var point in sum.DataPoints)
        {
            if (targets.Target(context, point.Attributes, point.TimeUnixNano, point.Flags) is not { } target)
            {
                continue;
            }
            var value = Value(point) * context.Scale;
            if (sum.AggregationTemporality == AggregationTemporality.Delta)
            {
                context.Add(target, WithRate(value, point.StartTimeUnixNano < point.TimeUnixNano ? point.TimeUnixNano - point.StartTimeUnixNano : 0, point.StartTimeUnixNano != 0));
                continue;
            }
            if (!sum.IsMonotonic)
            {
                // An up-down counter's running total is its current level (queue length, memory in use): a gauge.
                context.Add(target, [("", value)]);
                continue;
            }
            var key = new StreamKey(target.Series, "sum");
            var previous = context.Translation.Find(key);
            var step = streams.Step(previous, point.StartTimeUnixNano, point.TimeUnixNano, previous is not null && value < previous.Value, out var intervalNs);
            if (step == StreamStep.Stale)
            {
                continue;
            }
            if (step == StreamStep.Baseline || context.Add(target, WithRate(step == StreamStep.Delta ? value - previous!.Value : value, intervalNs, true)))
            {
                context.Translation.Remember(key, new StreamSnapshot(point.StartTimeUnixNano, point.TimeUnixNano) { Value = value });
            }
        }
    }

    private void TranslateSummary(MetricContext context, Summary summary)
    {
        foreach (var point in summary.DataPoints)
        {
            if (targets.Target(context, point.Attributes, point.TimeUnixNano, point.Flags) is not { } target)
            {
                continue;
            }
            var values = point.QuantileValues
                .Where(q => q.Quantile is >= 0 and <= 1)
                .Select(q => (QuantileSuffix(q.Quantile), q.Value * context.Scale))
                .ToList();
            // Count and sum are running totals (the OTLP Summary has no temporality): stored as deltas like a counter's.
            var key = new StreamKey(target.Series, "summary");
            var previous = context.Translation.Find(key);
            var count = (long)Math.Min(point.Count, long.MaxValue);
            var step = streams.Step(previous, point.StartTimeUnixNano, point.TimeUnixNano, previous is not null && count < previous.Count, out _);
            if (step is StreamStep.Delta or StreamStep.Whole)
            {
                var delta = step == StreamStep.Delta;
                values.Add((OtlpDistributions.CountSuffix, delta ? count - previous!.Count : count));
                values.Add((OtlpDistributions.SumSuffix, (point.Sum * context.Scale) - (delta ? previous!.Sum : 0)));
            }
            if (context.Add(target, values) && step != StreamStep.Stale)
            {
                context.Translation.Remember(key, new StreamSnapshot(point.StartTimeUnixNano, point.TimeUnixNano) { Count = count, Sum = point.Sum * context.Scale });
            }
        }
    }

    /// <summary><c>.p50</c>, <c>.p99.9</c>; the 0 and 1 quantiles are the minimum and maximum.</summary>
    public static string QuantileSuffix(double quantile) => quantile switch
    {
        0 => ".min",
        1 => ".max",
        _ => ".p" + (quantile * 100).ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>The value, and its per-second rate when the interval it covers is known.</summary>
    private static List<(string Suffix, double Value)> WithRate(double value, ulong intervalNs, bool intervalKnown) =>
        intervalKnown && intervalNs > 0 ? [("", value), (RateSuffix, value / (intervalNs / 1e9))] : [("", value)];

    private static double Value(NumberDataPoint point) => point.ValueCase switch
    {
        NumberDataPoint.ValueOneofCase.AsDouble => point.AsDouble,
        NumberDataPoint.ValueOneofCase.AsInt => point.AsInt,
        _ => double.NaN, // "considered invalid when no value field is present": refused as not finite
    };

    private static int PointCount(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Count,
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Count,
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Count,
        Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Count,
        Metric.DataOneofCase.Summary => metric.Summary.DataPoints.Count,
        _ => 0,
    };
}
