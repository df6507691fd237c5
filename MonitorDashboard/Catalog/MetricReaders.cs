using MonitorDashboard.Storage.Alarms;

namespace MonitorDashboard.Catalog;

/// <summary>
/// The alarm rules that read a metric: archiving or deleting it is refused while any does, because a hidden or
/// emptied metric that still pages someone (or silently never fires again) would be a trap.
/// </summary>
public sealed class MetricReaders(AlarmRuleStore rules)
{
    public async Task<IReadOnlyList<string>> AlarmRulesAsync(string model, string name, CancellationToken cancellationToken) =>
        (await rules.ListAsync(cancellationToken)).Where(r => MetricCatalogService.Watches(r, model, name)).Select(r => r.Name).ToList();
}
