using MonitorDashboard.Alarms;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;

namespace MonitorDashboard.Dashboards;

/// <summary>Threshold lines and shaded firing periods of the alarm rules that watch a chart's metric.</summary>
public sealed class AlarmAnnotations(AlarmRuleStore rules, AlarmStateStore states)
{
    private const string FiringColor = "#e53935";

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ChartAnnotation>>> ForPageAsync(
        string kind, DashboardFilter filter, DateTimeOffset from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<ChartAnnotation>>();
        var matching = (await rules.ListAsync(cancellationToken)).Where(r => r.Enabled && Watches(r.Selector, kind, filter)).ToList();
        foreach (var group in matching.GroupBy(r => r.Metric))
        {
            var definition = MetricCatalog.For(group.Key);
            var annotations = new List<ChartAnnotation>();
            foreach (var rule in group)
            {
                annotations.Add(ChartAnnotation.Threshold(definition.Display(rule.Threshold), $"{rule.Name} {rule.Comparator.Symbol()} {rule.Threshold:G6}", FiringColor));
                annotations.AddRange(FiringPeriods(await states.HistoryAsync(rule.Id, from, 1000, cancellationToken), from, now)
                    .Select(p => ChartAnnotation.Period(p.From, p.To, rule.Name, FiringColor)));
            }
            result[group.Key] = annotations;
        }
        return result;
    }

    /// <summary>Firing periods from a newest-first history (any series of the rule; an open one runs until now).</summary>
    public static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> FiringPeriods(IReadOnlyList<AlarmHistoryEntry> newestFirst, DateTimeOffset from, DateTimeOffset now)
    {
        foreach (var series in newestFirst.GroupBy(h => h.Series?.Id))
        {
            DateTimeOffset? start = null;
            foreach (var entry in series.OrderBy(h => h.At))
            {
                if (entry.To == AlarmStatus.Firing)
                {
                    start = entry.At;
                }
                else if (entry.From == AlarmStatus.Firing)
                {
                    yield return (start ?? from, entry.At);
                    start = null;
                }
            }
            if (start is { } open)
            {
                yield return (open, now);
            }
        }
    }

    private static bool Watches(SeriesSelector selector, string kind, DashboardFilter filter) =>
        (selector.Kind is null || selector.Kind == kind)
        && (selector.Model is null || selector.Model == filter.Model)
        && (selector.Stage is null || selector.Stage == filter.Stage);
}
