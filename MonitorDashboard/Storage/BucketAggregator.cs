namespace MonitorDashboard.Storage;

/// <summary>Collects the values of one bucket and turns them into <see cref="Bucket"/> statistics (exact percentiles).</summary>
public sealed class BucketAggregator
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    private double _last;

    /// <summary>Values arrive in time order, so the last one added is the newest.</summary>
    public void Add(double value)
    {
        _values.Add(value);
        _last = value;
    }

    public Bucket Complete(long bucketStartMs)
    {
        _values.Sort();
        double sum = 0;
        foreach (var v in _values)
        {
            sum += v;
        }
        var bucket = new Bucket(
            DateTimeOffset.FromUnixTimeMilliseconds(bucketStartMs),
            _values.Count,
            sum,
            _values[0],
            _values[^1],
            sum / _values.Count,
            Percentile(_values, 0.50),
            Percentile(_values, 0.95),
            Percentile(_values, 0.99),
            _last);
        _values.Clear();
        return bucket;
    }

    /// <summary>Linear interpolation between closest ranks of sorted values (the common "type 7" definition).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        if (sorted.Count == 1)
        {
            return sorted[0];
        }
        var rank = quantile * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
