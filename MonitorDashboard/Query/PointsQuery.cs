using System.Globalization;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Query;

/// <summary>The validated query string of <c>GET /api/v1/series/points</c>.</summary>
public sealed record PointsQuery(SeriesSelector Filter, long FromMs, long ToMs, long? StepMs)
{
    public const int MaxBuckets = 100_000;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    public static PointsQuery? TryCreate(SeriesSelector filter, string? from, string? to, string? step, DateTimeOffset now, List<EventError> errors)
    {
        var toTime = ParseTime(to, "to", now, errors);
        var fromTime = ParseTime(from, "from", toTime - DefaultRange, errors);
        long? stepMs = null;
        if (step is not null)
        {
            if (DurationText.TryParse(step, out var duration))
            {
                stepMs = (long)duration.TotalMilliseconds;
            }
            else
            {
                errors.Add(new EventError(-1, "step", "must be a duration such as 500ms, 10s, 5m, 1h or 1d"));
            }
        }
        if (errors.Count > 0)
        {
            return null;
        }
        if (fromTime >= toTime)
        {
            errors.Add(new EventError(-1, "from", "must be earlier than to"));
            return null;
        }
        var fromMs = fromTime.ToUnixTimeMilliseconds();
        var toMs = toTime.ToUnixTimeMilliseconds();
        if (stepMs is { } s && (toMs - fromMs) / s > MaxBuckets)
        {
            errors.Add(new EventError(-1, "step", $"gives more than {MaxBuckets} buckets for this range; choose a larger step"));
            return null;
        }
        return new PointsQuery(filter, fromMs, toMs, stepMs);
    }

    /// <summary>Kind, when given, must be one of the three families (a typo would otherwise silently match nothing).</summary>
    public static void ValidateKind(string? kind, List<EventError> errors)
    {
        if (kind is not null && !MetricKinds.TryParse(kind, out _))
        {
            errors.Add(new EventError(-1, "kind", "must be software, input or output"));
        }
    }

    internal static DateTimeOffset ParseTime(string? text, string field, DateTimeOffset fallback, List<EventError> errors)
    {
        if (text is null)
        {
            return fallback;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        errors.Add(new EventError(-1, field, "must be an RFC 3339 time, e.g. 2026-11-25T12:00:00Z"));
        return fallback;
    }

    /// <summary>
    /// The error for a query over too many series. Without a metric name or model it names the filters to add; with both,
    /// the series differ by tags (or many stages and versions), which is what a tag carrying user ids looks like.
    /// </summary>
    public static EventError TooManySeries(SeriesSelector series, int matching, int limit)
    {
        var open = new[] { ("name", series.Name), ("model", series.Model), ("stage", series.Stage), ("version", series.Version), ("kind", series.Kind) }
            .Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        return series.Name is null || series.Model is null
            ? new EventError(-1, open[0], $"matches {matching:N0} series, more than {limit:N0}: narrow it with {string.Join(", ", open)}")
            : new EventError(-1, "tags", $"matches {matching:N0} series of one metric, more than {limit:N0}: a tag with many values (user ids?) "
                + "splits a metric into a series per value; narrow it by stage or version, or see the README on cardinality");
    }
}
