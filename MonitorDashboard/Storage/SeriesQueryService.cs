using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.Reading;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>Reads series and bucketed points; the query API and the pages share it.</summary>
public sealed class SeriesQueryService(
    IDbContextFactory<MonitorDbContext> factory, TimeProvider time, IOptions<StorageOptions> options, IOptions<RetentionOptions> retention, PointReaders readers)
{
    public async Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(SeriesSelector filter, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await Select(db, filter)
            .OrderBy(s => s.Model).ThenBy(s => s.Stage).ThenBy(s => s.Version).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    /// <summary>
    /// One entry per model, stage and version that has series of the filter (name and tags left empty): what a filter bar
    /// lists, in one DISTINCT query however many series a tag split a metric into.
    /// </summary>
    public async Task<IReadOnlyList<SeriesInfo>> ListPipelinesAsync(SeriesSelector filter, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await Select(db, filter).Select(s => new { s.Model, s.Stage, s.Version }).Distinct().ToListAsync(cancellationToken);
        var noTags = new Dictionary<string, string>();
        return rows.Select(r => new SeriesInfo { Model = r.Model, Stage = r.Stage, Version = r.Version, Kind = filter.Kind ?? "", Name = "", Tags = noTags }).ToList();
    }

    public async Task<SeriesInfo?> FindSeriesAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return row is null ? null : ToInfo(row);
    }

    /// <summary>Every model with stored series, in name order (one DISTINCT query, not every series).</summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var models = await db.Series.AsNoTracking().Select(s => s.Model).Distinct().ToListAsync(cancellationToken);
        return models.Order(StringComparer.Ordinal).ToList();
    }

    public async Task<int> CountSeriesAsync(SeriesSelector filter, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Select(db, filter).CountAsync(cancellationToken);
    }

    /// <summary>Each matching series with its newest point (the blocks of its newest window, found on the index).</summary>
    public async Task<IReadOnlyList<LatestPoint>> GetLatestAsync(SeriesSelector filter, CancellationToken cancellationToken)
    {
        var series = await ListSeriesAsync(filter, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        using var blocks = readers.Open(db.Database.GetDbConnection());
        var latest = new List<LatestPoint>(series.Count);
        foreach (var info in series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var point = blocks.Newest(info.Id);
            latest.Add(new LatestPoint(info, point is { } p ? DateTimeOffset.FromUnixTimeMilliseconds(p.TimestampMs) : null, point?.Value));
        }
        return latest;
    }

    /// <summary>
    /// Buckets of <paramref name="stepMs"/> aligned to the Unix epoch (so live refreshes hit the same buckets),
    /// or one bucket over the whole range when <paramref name="stepMs"/> is null. Empty buckets are left out.
    /// Long ranges are read from rollups (<see cref="ResolutionPlan"/>), so a week costs about as much as an hour.
    /// </summary>
    public async Task<IReadOnlyList<SeriesBuckets>> GetBucketsAsync(SeriesSelector filter, long fromMs, long toMs, long? stepMs, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var series = await Select(db, filter)
            .OrderBy(s => s.Model).ThenBy(s => s.Stage).ThenBy(s => s.Version).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .AsNoTracking().ToListAsync(cancellationToken);
        if (series.Count == 0)
        {
            return [];
        }

        // Rollups of the last two save intervals may still be in the writer's memory: that tail is read raw.
        var now = time.GetUtcNow();
        var rollupsCompleteBefore = now.ToUnixTimeMilliseconds() - (2 * options.Value.RollupFlushIntervalMilliseconds) - 1_000;
        var retained = new RetainedFrom((now - TimeSpan.FromDays(retention.Value.RawPointsDays)).ToUnixTimeMilliseconds(),
            (now - TimeSpan.FromDays(retention.Value.MinuteRollupDays)).ToUnixTimeMilliseconds());
        var segments = ResolutionPlan.Plan(fromMs, toMs, stepMs, rollupsCompleteBefore, retained);
        await db.Database.OpenConnectionAsync(cancellationToken);
        using var points = readers.Open(db.Database.GetDbConnection());
        var reader = new SeriesRangeReader(points);
        var results = new List<SeriesBuckets>(series.Count);
        foreach (var row in series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Series without points in the range are still listed, so a chart can show "no data".
            results.Add(new SeriesBuckets(ToInfo(row), reader.Read(row.Id, segments, fromMs, stepMs)));
        }
        return results;
    }

    /// <summary>
    /// The raw values of every matching series in [<paramref name="fromMs"/>, <paramref name="toMs"/>), in time order per
    /// series; beyond <paramref name="maxValues"/> an evenly strided subsample (raw retention bounds how far back this reaches).
    /// </summary>
    public async Task<SeriesValues> GetValuesAsync(SeriesSelector filter, long fromMs, long toMs, int maxValues, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = await Select(db, filter).Select(s => s.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return SeriesValues.Empty;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        using var blocks = readers.Open(db.Database.GetDbConnection());
        var points = new PointList();
        var values = new List<double>();
        long first = long.MaxValue, last = long.MinValue;
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            blocks.Read(id, fromMs, toMs, points);
            if (points.Count > 0)
            {
                values.AddRange(points.Values);
                first = Math.Min(first, points.TimestampsMs[0]);
                last = Math.Max(last, points.TimestampsMs[^1]);
            }
        }
        if (values.Count == 0)
        {
            return SeriesValues.Empty;
        }
        return new SeriesValues(Subsample(values, maxValues), values.Count, first, last);
    }

    /// <summary>
    /// Every raw point of every matching series in [<paramref name="fromMs"/>, <paramref name="toMs"/>), in time order:
    /// the alarm backtest slides its window over them exactly as the live evaluator would read them.
    /// </summary>
    public async Task<IReadOnlyList<SeriesPoints>> GetPointsAsync(SeriesSelector filter, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var series = await Select(db, filter).OrderBy(s => s.Id).AsNoTracking().ToListAsync(cancellationToken);
        if (series.Count == 0)
        {
            return [];
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        using var blocks = readers.Open(db.Database.GetDbConnection());
        var points = new PointList();
        var results = new List<SeriesPoints>(series.Count);
        foreach (var row in series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            blocks.Read(row.Id, fromMs, toMs, points);
            results.Add(new SeriesPoints(ToInfo(row), points.TimestampsMs.ToArray(), points.Values.ToArray()));
        }
        return results;
    }

    private static List<double> Subsample(List<double> values, int maxValues)
    {
        if (values.Count <= maxValues)
        {
            return values;
        }
        var stride = (double)values.Count / maxValues;
        var sample = new List<double>(maxValues);
        for (var i = 0; i < maxValues; i++)
        {
            sample.Add(values[(int)(i * stride)]);
        }
        return sample;
    }

    private static IQueryable<SeriesRow> Select(MonitorDbContext db, SeriesSelector filter)
    {
        IQueryable<SeriesRow> query = db.Series;
        if (filter.Model is not null) query = query.Where(s => s.Model == filter.Model);
        if (filter.Version is not null) query = query.Where(s => s.Version == filter.Version);
        if (filter.Stage is not null) query = query.Where(s => s.Stage == filter.Stage);
        if (filter.Kind is not null) query = query.Where(s => s.Kind == filter.Kind);
        if (filter.Name is not null) query = query.Where(s => s.Name == filter.Name);
        return query;
    }

    private static SeriesInfo ToInfo(SeriesRow row) =>
        new() { Id = row.Id, Model = row.Model, Version = row.Version, Stage = row.Stage, Kind = row.Kind, Name = row.Name, Tags = TagJson.Deserialize(row.Tags) };
}
