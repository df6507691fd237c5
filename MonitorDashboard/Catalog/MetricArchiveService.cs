using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Storage.Catalog;

namespace MonitorDashboard.Catalog;

/// <summary>
/// Archiving hides a metric from the pages while its points stay stored; restoring brings it back. Refused while an
/// alarm rule reads the metric: a hidden metric that still pages someone would be a trap.
/// </summary>
public sealed class MetricArchiveService(MetricArchiveStore archive, AlarmRuleStore rules, SeriesQueryService queries)
{
    public async Task<(ArchiveOutcome Outcome, IReadOnlyList<string> Rules)> ArchiveAsync(string model, string name, string actor, CancellationToken cancellationToken = default)
    {
        if (await queries.CountSeriesAsync(new SeriesSelector { Model = model, Name = name }, cancellationToken) == 0)
        {
            return (ArchiveOutcome.UnknownMetric, []);
        }
        var watching = (await rules.ListAsync(cancellationToken)).Where(r => MetricCatalogService.Watches(r, model, name)).Select(r => r.Name).ToList();
        if (watching.Count > 0)
        {
            return (ArchiveOutcome.UsedByAlarm, watching);
        }
        return (await archive.ArchiveAsync(model, name, actor, cancellationToken) ? ArchiveOutcome.Done : ArchiveOutcome.Unchanged, []);
    }

    public async Task<ArchiveOutcome> RestoreAsync(string model, string name, string actor, CancellationToken cancellationToken = default) =>
        await archive.RestoreAsync(model, name, actor, cancellationToken) ? ArchiveOutcome.Done : ArchiveOutcome.Unchanged;
}
