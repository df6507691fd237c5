namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>
/// The family of a metric from its name, for senders that do not say it: exact names first, then the longest
/// matching <c>prefix*</c> pattern, else software (what most instrumentation libraries emit).
/// </summary>
public sealed class KindMap
{
    private readonly Dictionary<string, MetricKind> _exact = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, MetricKind>> _prefixes = [];

    public KindMap(IReadOnlyDictionary<string, string> kindsByName)
    {
        foreach (var (pattern, kindText) in kindsByName)
        {
            if (!MetricKinds.TryParse(kindText, out var kind))
            {
                throw new ArgumentException($"'{kindText}' (for '{pattern}') is not software, input or output", nameof(kindsByName));
            }
            if (pattern.EndsWith('*'))
            {
                _prefixes.Add(new(pattern[..^1], kind));
            }
            else
            {
                _exact[pattern] = kind;
            }
        }
        _prefixes.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
    }

    /// <summary>The problems of a configured map, for options validation (empty when it is valid).</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string> kindsByName) =>
        kindsByName.Where(p => !MetricKinds.TryParse(p.Value, out _)).Select(p => $"MetricKinds:{p.Key} must be software, input or output, not '{p.Value}'");

    /// <param name="declared">The family the sender named (an attribute or label), used when it is a valid family.</param>
    public MetricKind Resolve(string metricName, string? declared)
    {
        if (MetricKinds.TryParse(declared, out var kind) || _exact.TryGetValue(metricName, out kind))
        {
            return kind;
        }
        foreach (var (prefix, prefixKind) in _prefixes)
        {
            if (metricName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefixKind;
            }
        }
        return MetricKind.Software;
    }
}
