using MonitorDashboard.Ingestion.Receivers;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// The result of translating one export: the events to store, the data points refused and why, and the cumulative
/// streams to remember once (and only if) the events are stored. Points of a stream earlier in the same export are
/// seen by later ones through <see cref="Find"/>, before anything is remembered for good.
/// </summary>
public sealed class OtlpTranslation(CumulativeStreams streams)
{
    private readonly Dictionary<StreamKey, StreamSnapshot> _pending = [];

    public List<MetricEvent> Events { get; } = [];

    /// <summary>Data points refused and attributes dropped, for the partial-success answer.</summary>
    public RefusalTally Refusals { get; } = new();

    /// <summary>The streams' new last points, for <see cref="CumulativeStreams.Commit"/> after the events are stored.</summary>
    public IReadOnlyDictionary<StreamKey, StreamSnapshot> Streams => _pending;

    public StreamSnapshot? Find(StreamKey key) => _pending.TryGetValue(key, out var snapshot) ? snapshot : streams.Find(key);

    public void Remember(StreamKey key, StreamSnapshot snapshot) => _pending[key] = snapshot;

    public void Reject(int points, string reason) => Refusals.Refuse(points, reason);

    public void DropAttributes(int count) => Refusals.DropTags(count);

    /// <summary>
    /// Adds all events of one data point, or none: every name must be valid and every value finite, so a point is never
    /// half stored (e.g. its count without its sum).
    /// </summary>
    /// <param name="values">Suffix of the metric name ("" for the metric itself) and value.</param>
    /// <returns>Null when added, else the reason it was not.</returns>
    public string? TryAdd(SeriesKey series, long timestampMs, IReadOnlyList<(string Suffix, double Value)> values)
    {
        foreach (var (suffix, value) in values)
        {
            if (!MetricNames.IsValid(series.Name + suffix))
            {
                return $"the series name {series.Name}{suffix} {MetricNames.Rule}";
            }
            if (!double.IsFinite(value))
            {
                return "values must be finite numbers (NaN and infinities are refused)";
            }
        }
        foreach (var (suffix, value) in values)
        {
            Events.Add(new MetricEvent
            {
                TimestampMs = timestampMs,
                Series = suffix.Length == 0 ? series : series with { Name = series.Name + suffix },
                Value = value,
            });
        }
        return null;
    }
}
