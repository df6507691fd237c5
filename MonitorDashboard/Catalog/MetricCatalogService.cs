using Microsoft.Extensions.Options;
using MonitorDashboard.Alarms;
using MonitorDashboard.Configuration;
using MonitorDashboard.Deployments.Canary;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Storage.Catalog;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Catalog;

/// <summary>
/// The metric catalog of a model: one bucket query (the last 30 days, one bucket per series, read from the hour
/// rollups), one newest-point lookup per series and one sum of chart opens, however many metrics the model has.
/// </summary>
public sealed class MetricCatalogService(
    SeriesQueryService queries, AlarmRuleStore rules, MetricDirectionStore directions, MetricArchiveStore archive, ChartOpenStore chartOpens,
    IOptions<DriftOptions> drift, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public Task<IReadOnlyList<string>> ModelsAsync(CancellationToken cancellationToken = default) => queries.ListModelsAsync(cancellationToken);

    public async Task<IReadOnlyList<MetricUsage>> ListAsync(string model, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var selector = new SeriesSelector { Model = model };
        var month = await OneBucketPerSeriesAsync(selector, now - Window, now, cancellationToken);
        var latest = (await queries.GetLatestAsync(selector, cancellationToken)).ToLookup(p => (p.Series.Kind, p.Series.Name));
        var ruleList = await rules.ListAsync(cancellationToken);
        var directed = await directions.ListAsync(cancellationToken);
        var archived = await archive.ListAsync(cancellationToken);
        var opens = await chartOpens.CountsAsync(model, (now - Window).ToUnixTimeMilliseconds(), cancellationToken);
        var driftKinds = drift.Value.Enabled ? drift.Value.Kinds.ToHashSet() : [];

        return month.GroupBy(b => (b.Series.Kind, b.Series.Name))
            .Select(g =>
            {
                var (kind, name) = g.Key;
                var buckets = g.SelectMany(b => b.Buckets).ToList();
                var alarmRules = ruleList.Where(r => Watches(r, model, name)).Select(r => r.Name).ToList();
                var usedByCanary = CanaryMetricSpec.Defaults.Any(d => d.Name == name) || directed.ContainsKey(name);
                var usedByDrift = driftKinds.Contains(kind);
                var flat = buckets.Count > 0 && buckets.Min(b => b.Min) == buckets.Max(b => b.Max);
                var lastSeen = latest[(kind, name)].Select(p => p.Ts).Max();
                var opened = opens.GetValueOrDefault(name);
                return new MetricUsage
                {
                    Model = model,
                    Kind = kind,
                    Name = name,
                    SeriesCount = g.Count(),
                    PointsPerDay = buckets.Sum(b => b.Count) / Window.TotalDays,
                    LastSeen = lastSeen,
                    AlarmRules = alarmRules,
                    UsedByCanary = usedByCanary,
                    UsedByDrift = usedByDrift,
                    Flat = flat,
                    ChartOpens = opened,
                    Archived = archived.Contains((model, name)),
                    Unused = alarmRules.Count == 0 && !usedByCanary && !usedByDrift
                        && (flat || opened == 0 || lastSeen is null || now - lastSeen > TimeSpan.FromDays(1)),
                };
            })
            .OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether an alarm rule reads this metric of this model (a rule without a model watches every model's).</summary>
    public static bool Watches(AlarmRule rule, string model, string name) =>
        rule.Selector.Name == name && (rule.Selector.Model is null || rule.Selector.Model == model);

    private Task<IReadOnlyList<SeriesBuckets>> OneBucketPerSeriesAsync(SeriesSelector selector, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // A step of whole hours as long as the range: one bucket per series, from the hour rollups for all but the edges.
        var stepMs = (long)Math.Ceiling((to - from).TotalHours) * 3_600_000;
        return queries.GetBucketsAsync(selector, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds() + 1, stepMs, cancellationToken);
    }
}
