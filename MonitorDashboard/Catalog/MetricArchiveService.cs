using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Catalog;

namespace MonitorDashboard.Catalog;

/// <summary>
/// Archiving hides a metric from the pages while its points stay stored; restoring brings it back. Refused while an
/// alarm rule reads the metric (<see cref="MetricReaders"/>).
/// </summary>
public sealed class MetricArchiveService(MetricArchiveStore archive, MetricReaders readers, SeriesQueryService queries)
{
    public async Task<(CatalogOutcome Outcome, IReadOnlyList<string> Rules)> ArchiveAsync(string model, string name, string actor, CancellationToken cancellationToken = default)
    {
        if (await queries.CountSeriesAsync(new SeriesSelector { Model = model, Name = name }, cancellationToken) == 0)
        {
            return (CatalogOutcome.UnknownMetric, []);
        }
        var watching = await readers.AlarmRulesAsync(model, name, cancellationToken);
        if (watching.Count > 0)
        {
            return (CatalogOutcome.UsedByAlarm, watching);
        }
        return (await archive.ArchiveAsync(model, name, actor, cancellationToken) ? CatalogOutcome.Done : CatalogOutcome.Unchanged, []);
    }

    public async Task<CatalogOutcome> RestoreAsync(string model, string name, string actor, CancellationToken cancellationToken = default) =>
        await archive.RestoreAsync(model, name, actor, cancellationToken) ? CatalogOutcome.Done : CatalogOutcome.Unchanged;
}
