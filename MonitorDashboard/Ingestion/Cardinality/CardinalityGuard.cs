using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion.Cardinality;

/// <summary>
/// Admits the events of a batch whose series exist or fit within the limits (per model, in total, values per tag key)
/// and refuses the others. Contract: the request still gets its 202 for what was stored, with the refused events
/// counted and the first few named (limit, model, tag key); a refused event is never stored, and points of existing
/// series always pass. New series are reserved when admitted, so concurrent batches cannot together cross a limit.
/// Memory: a 64-bit hash per series and per counted tag value.
/// </summary>
public sealed class CardinalityGuard(SeriesQueryService queries, RefusalBackoff backoff, IOptions<CardinalityOptions> options)
{
    private const int MaxReportedErrors = 10;
    private readonly SemaphoreSlim _load = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<ulong>> _seriesByModel = [];
    private readonly Dictionary<(string Model, string Key), HashSet<ulong>> _tagValues = [];
    private readonly ConcurrentDictionary<(string Model, string Limit, string? TagKey), long> _refusals = new();
    private readonly ConcurrentDictionary<string, long> _refusalsByClient = new();
    private volatile bool _loaded;
    private int _total;

    /// <summary>Refused events per model and reason since start, most first.</summary>
    public IReadOnlyList<CardinalityRefusal> Refusals =>
        _refusals.Select(r => new CardinalityRefusal(r.Key.Model, r.Key.Limit, r.Key.TagKey, r.Value)).OrderByDescending(r => r.Events).ToList();

    /// <summary>Refused events per API key (by name) since start.</summary>
    public long RefusedFor(string client) => _refusalsByClient.GetValueOrDefault(client);

    /// <summary>The events to store (their new series reserved), and for the refused ones the first few errors and the counts per model.</summary>
    public async Task<CardinalityVerdict> AdmitAsync(IReadOnlyList<MetricEvent> events, string? client, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        var limits = options.Value;
        lock (_gate)
        {
            var batch = new BatchReservation();
            var errors = new List<EventError>();
            var refusedByModel = new Dictionary<string, int>();
            var admitted = new List<MetricEvent>(events.Count);
            var refused = 0;
            for (var i = 0; i < events.Count; i++)
            {
                var series = events[i].Series;
                var hash = Hash(series.Model, series.Version, series.Stage, series.Kind, series.Name, series.Tags);
                if (SetOf(_seriesByModel, series.Model).Contains(hash) || batch.Series.Contains(hash))
                {
                    admitted.Add(events[i]);
                    continue;
                }
                if (Refuse(series, limits, batch) is not { } error)
                {
                    batch.Add(series, hash, TagJson.Deserialize(series.Tags));
                    admitted.Add(events[i]);
                    continue;
                }
                refused++;
                refusedByModel[series.Model] = refusedByModel.GetValueOrDefault(series.Model) + 1;
                _refusals.AddOrUpdate((series.Model, error.Limit, error.TagKey), 1, (_, n) => n + 1);
                if (errors.Count < MaxReportedErrors)
                {
                    errors.Add(new EventError(i, error.TagKey is null ? "model" : $"tags.{error.TagKey}", error.Reason));
                }
            }
            Commit(batch);
            if (refused == 0)
            {
                return CardinalityVerdict.All(events);
            }
            _refusalsByClient.AddOrUpdate(client ?? "unknown", refused, (_, n) => n + refused);
            backoff.Record(client, refused);
            if (refused > errors.Count)
            {
                errors.Add(new EventError(-1, "body", $"{refused - errors.Count:N0} more events would also have crossed a cardinality limit"));
            }
            return new CardinalityVerdict(admitted, refused, errors, refusedByModel);
        }
    }

    private (string Limit, string? TagKey, string Reason)? Refuse(SeriesKey series, CardinalityOptions limits, BatchReservation batch)
    {
        var modelCount = SetOf(_seriesByModel, series.Model).Count + batch.NewIn(series.Model);
        if (modelCount >= limits.MaxSeriesPerModel)
        {
            return ("series per model", null,
                $"would create series {modelCount + 1:N0} of model {series.Model}, over Cardinality:MaxSeriesPerModel ({limits.MaxSeriesPerModel:N0})");
        }
        if (_total + batch.Series.Count >= limits.MaxSeries)
        {
            return ("series in total", null, $"would create series {_total + batch.Series.Count + 1:N0}, over Cardinality:MaxSeries ({limits.MaxSeries:N0})");
        }
        foreach (var (key, value) in TagJson.Deserialize(series.Tags))
        {
            var known = SetOf(_tagValues, (series.Model, key));
            var valueHash = Hash(value);
            if (!known.Contains(valueHash) && !batch.HasTagValue(series.Model, key, valueHash)
                && known.Count + batch.NewTagValues(series.Model, key) >= limits.MaxTagValuesPerKey)
            {
                return ("values per tag key", key,
                    $"tag '{key}' of model {series.Model} would take its {limits.MaxTagValuesPerKey + 1:N0}th distinct value, over Cardinality:MaxTagValuesPerKey "
                    + $"({limits.MaxTagValuesPerKey:N0}); a tag with a value per user or request belongs in the event, not in its series");
            }
        }
        return null;
    }

    private void Commit(BatchReservation batch)
    {
        foreach (var (model, hash) in batch.NewSeries)
        {
            if (SetOf(_seriesByModel, model).Add(hash))
            {
                _total++;
            }
        }
        foreach (var ((model, key), values) in batch.TagValues)
        {
            SetOf(_tagValues, (model, key)).UnionWith(values);
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }
        await _load.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }
            var stored = await queries.ListSeriesAsync(SeriesSelector.All, cancellationToken);
            lock (_gate)
            {
                foreach (var s in stored)
                {
                    if (SetOf(_seriesByModel, s.Model).Add(HashOf(s)))
                    {
                        _total++;
                    }
                    AddTagValues(_tagValues, s);
                }
            }
            _loaded = true;
        }
        finally
        {
            _load.Release();
        }
    }

    /// <summary>
    /// Frees the deleted series' places under the limits, so the model can create series again. A tag value counts
    /// while any stored series carries it, so the model's tag values are counted again from the series left.
    /// (A batch admitted meanwhile whose series are not yet committed loses its tag values from the count until the next
    /// restart: at worst a few hundred values over the limit, never unbounded.)
    /// </summary>
    public async Task ForgetAsync(string model, IReadOnlyList<SeriesInfo> deleted, CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            return; // loaded from the database after the delete, so nothing to forget
        }
        var remaining = await queries.ListSeriesAsync(new SeriesSelector { Model = model }, cancellationToken);
        var tagValues = new Dictionary<(string Model, string Key), HashSet<ulong>>();
        foreach (var s in remaining)
        {
            AddTagValues(tagValues, s);
        }
        lock (_gate)
        {
            var modelSeries = SetOf(_seriesByModel, model);
            _total -= deleted.Count(s => modelSeries.Remove(HashOf(s)));
            foreach (var key in _tagValues.Keys.Where(k => k.Model == model).ToList())
            {
                _tagValues[key] = tagValues.GetValueOrDefault(key) ?? [];
            }
        }
    }

    /// <summary>The hash admission computes from the wire key (tags in key order).</summary>
    private static ulong HashOf(SeriesInfo s) =>
        Hash(s.Model, s.Version, s.Stage, s.Kind, s.Name, TagJson.Serialize(s.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList()));

    private static void AddTagValues(Dictionary<(string Model, string Key), HashSet<ulong>> sets, SeriesInfo s)
    {
        foreach (var (key, value) in s.Tags)
        {
            SetOf(sets, (s.Model, key)).Add(Hash(value));
        }
    }

    private static HashSet<ulong> SetOf<TKey>(Dictionary<TKey, HashSet<ulong>> sets, TKey key) where TKey : notnull
    {
        if (!sets.TryGetValue(key, out var set))
        {
            set = [];
            sets[key] = set;
        }
        return set;
    }

    internal static ulong Hash(params string[] parts) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
}
