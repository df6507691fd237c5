namespace MonitorDashboard.Storage;

public sealed record SeriesBuckets(SeriesInfo Series, IReadOnlyList<Bucket> Buckets);
