using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Ingestion.Cardinality;
using MonitorDashboard.Retention;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Storage.Deletion;

namespace MonitorDashboard.Catalog;

/// <summary>
/// Deletes a metric (every series of it in a model) or one series: its points and rollups in small steps like
/// retention (<see cref="SeriesDataStore"/>; the writer takes the lock between steps), then its series rows on the writer's own connection, which
/// drops the writer's cached ids, open blocks and rollup buckets in the same step (<see cref="IPointStore.RemoveSeriesAsync"/>);
/// then the cardinality guard frees the places. Points sent meanwhile are deleted with the rows; points sent after
/// create a fresh series. Refused while an alarm rule reads the metric; audited.
/// </summary>
public sealed class MetricDeletionService(
    SeriesQueryService queries, MetricReaders readers, SeriesDataStore data, IPointStore points, IngestionQueue queue,
    CardinalityGuard guard, AuditLog audit, IOptions<RetentionOptions> options)
{
    public async Task<(CatalogOutcome Outcome, IReadOnlyList<string> Rules, MetricDeletion? Deleted)> DeleteMetricAsync(
        string model, string name, string actor, CancellationToken cancellationToken = default)
    {
        var series = await queries.ListSeriesAsync(new SeriesSelector { Model = model, Name = name }, cancellationToken);
        return await DeleteAsync(model, name, series, $"{model}/{name}", "metric.delete", actor, cancellationToken);
    }

    public async Task<(CatalogOutcome Outcome, IReadOnlyList<string> Rules, MetricDeletion? Deleted)> DeleteSeriesAsync(
        long seriesId, string actor, CancellationToken cancellationToken = default)
    {
        if (await queries.FindSeriesAsync(seriesId, cancellationToken) is not { } series)
        {
            return (CatalogOutcome.UnknownMetric, [], null);
        }
        var target = $"{series.Model}/{series.Name} series {seriesId} {string.Join(',', series.Tags.Select(t => $"{t.Key}={t.Value}"))}".TrimEnd();
        return await DeleteAsync(series.Model, series.Name, [series], target, "series.delete", actor, cancellationToken);
    }

    private async Task<(CatalogOutcome, IReadOnlyList<string>, MetricDeletion?)> DeleteAsync(
        string model, string name, IReadOnlyList<SeriesInfo> series, string target, string action, string actor, CancellationToken cancellationToken)
    {
        if (series.Count == 0)
        {
            return (CatalogOutcome.UnknownMetric, [], null);
        }
        var rules = await readers.AlarmRulesAsync(model, name, cancellationToken);
        if (rules.Count > 0)
        {
            return (CatalogOutcome.UsedByAlarm, rules, null);
        }
        var ids = series.Select(s => s.Id).ToList();
        long removed = 0;
        await StepwiseDelete.RunAsync(options.Value.RowsPerStep, async limit =>
        {
            var (blocks, points) = await data.DeleteBlocksAsync(ids, limit, cancellationToken);
            removed += points;
            return blocks;
        });
        await StepwiseDelete.RunAsync(options.Value.RowsPerStep, limit => data.DeleteRollupsAsync(ids, limit, cancellationToken));
        await RemoveRowsAsync(ids.ToHashSet(), cancellationToken);
        await guard.ForgetAsync(model, series, cancellationToken);
        var deleted = new MetricDeletion(series.Count, removed);
        await audit.RecordAsync(actor, action, target, $"{deleted.Series} series, {deleted.Points} points", null, cancellationToken);
        return (CatalogOutcome.Done, [], deleted);
    }

    private async Task RemoveRowsAsync(IReadOnlySet<long> ids, CancellationToken cancellationToken)
    {
        var removed = points.RemoveSeriesAsync(ids);
        try
        {
            // An empty write wakes an idle writer, which applies removals before it saves its rollups.
            _ = queue.EnqueueAsync([]);
        }
        catch (IngestionRejectedException)
        {
            // Full: the writer is busy and applies removals before its next commit. Closed: the wait below gives up.
        }
        await removed.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
    }
}
