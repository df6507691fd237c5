namespace MonitorDashboard.Benchmarks;

/// <summary>Sequential chart queries over one range, timed by the client (the full HTTP round trip, body read).</summary>
public sealed record ChartQueryResult(
    TimeSpan Range,
    string Step,
    int Queries,
    double P50Milliseconds,
    double P95Milliseconds,
    double MaxMilliseconds,
    double MeanSeries,
    double MeanBuckets,
    double MeanResponseKilobytes);
