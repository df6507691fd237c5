using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>Reads series and bucketed points; the query API and the pages share it.</summary>
public sealed class SeriesQueryService(IDbContextFactory<MonitorDbContext> factory)
{
    public async Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(SeriesFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await Select(db, filter)
            .OrderBy(s => s.Model).ThenBy(s => s.Stage).ThenBy(s => s.Version).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    /// <summary>Each matching series with its newest point (one indexed lookup per series).</summary>
    public async Task<IReadOnlyList<LatestPoint>> GetLatestAsync(SeriesFilter filter, CancellationToken cancellationToken)
    {
        var series = await ListSeriesAsync(filter, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var latest = new List<LatestPoint>(series.Count);
        foreach (var info in series)
        {
            var point = await db.Points.AsNoTracking()
                .Where(p => p.SeriesId == info.Id)
                .OrderByDescending(p => p.TimestampMs)
                .Select(p => new { p.TimestampMs, p.Value })
                .FirstOrDefaultAsync(cancellationToken);
            latest.Add(new LatestPoint(info, point is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(point.TimestampMs), point?.Value));
        }
        return latest;
    }

    /// <summary>
    /// Buckets of <paramref name="stepMs"/> aligned to the Unix epoch (so live refreshes hit the same buckets),
    /// or one bucket over the whole range when <paramref name="stepMs"/> is null. Empty buckets are left out.
    /// Points are streamed in (series, time) order, so memory holds one bucket's values, not the range.
    /// </summary>
    public async Task<IReadOnlyList<SeriesBuckets>> GetBucketsAsync(SeriesFilter filter, long fromMs, long toMs, long? stepMs, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var series = (await Select(db, filter).AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.Id);
        var results = new List<SeriesBuckets>(series.Count);
        if (series.Count == 0)
        {
            return results;
        }

        var ids = series.Keys.ToList();
        var points = db.Points.AsNoTracking()
            .Where(p => ids.Contains(p.SeriesId) && p.TimestampMs >= fromMs && p.TimestampMs < toMs)
            .OrderBy(p => p.SeriesId).ThenBy(p => p.TimestampMs)
            .Select(p => new { p.SeriesId, p.TimestampMs, p.Value })
            .AsAsyncEnumerable();

        var aggregator = new BucketAggregator();
        var buckets = new List<Bucket>();
        long currentSeries = -1, currentBucket = 0;
        await foreach (var point in points.WithCancellation(cancellationToken))
        {
            var bucketStart = stepMs is { } step ? point.TimestampMs - (((point.TimestampMs % step) + step) % step) : fromMs;
            if (point.SeriesId != currentSeries || bucketStart != currentBucket)
            {
                if (aggregator.Count > 0)
                {
                    buckets.Add(aggregator.Complete(currentBucket));
                }
                if (point.SeriesId != currentSeries)
                {
                    if (currentSeries >= 0)
                    {
                        results.Add(new SeriesBuckets(ToInfo(series[currentSeries]), buckets));
                        series.Remove(currentSeries);
                        buckets = [];
                    }
                    currentSeries = point.SeriesId;
                }
                currentBucket = bucketStart;
            }
            aggregator.Add(point.Value);
        }
        if (aggregator.Count > 0)
        {
            buckets.Add(aggregator.Complete(currentBucket));
            results.Add(new SeriesBuckets(ToInfo(series[currentSeries]), buckets));
            series.Remove(currentSeries);
        }
        // Series without points in the range are still listed, so a chart can show "no data".
        results.AddRange(series.Values.Select(s => new SeriesBuckets(ToInfo(s), [])));
        return results
            .OrderBy(r => r.Series.Model).ThenBy(r => r.Series.Stage).ThenBy(r => r.Series.Version).ThenBy(r => r.Series.Kind).ThenBy(r => r.Series.Name)
            .ToList();
    }

    private static IQueryable<SeriesRow> Select(MonitorDbContext db, SeriesFilter filter)
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
        new(row.Id, row.Model, row.Version, row.Stage, row.Kind, row.Name, TagJson.Deserialize(row.Tags));
}
