using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>
/// Collects one bucket from raw points and stored rollups and turns it into <see cref="Bucket"/> statistics.
/// A bucket made of raw points only gets exact percentiles; once a rollup is merged in, percentiles come from the
/// merged quantile sketch (within <see cref="QuantileSketch.RelativeAccuracy"/>, clamped to the exact min and max).
/// </summary>
public sealed class BucketAggregator
{
    private static readonly double[] Quantiles = [0.50, 0.95, 0.99];

    private readonly List<double> _values = [];
    private readonly QuantileSketch _sketch = new();
    private bool _hasRollups;
    private double _sum;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private double _last;

    public long Count { get; private set; }

    /// <summary>Values and rollups arrive in time order, so the last one added holds the newest value.</summary>
    public void Add(double value)
    {
        _values.Add(value);
        Count++;
        _sum += value;
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _last = value;
    }

    public void Merge(RollupStatistics stored, ReadOnlySpan<byte> sketch)
    {
        _hasRollups = true;
        _sketch.MergeBytes(sketch);
        Count += stored.Count;
        _sum += stored.Sum;
        _min = Math.Min(_min, stored.Min);
        _max = Math.Max(_max, stored.Max);
        _last = stored.Last;
    }

    public Bucket Complete(long bucketStartMs)
    {
        Span<double> percentiles = stackalloc double[Quantiles.Length];
        if (!_hasRollups)
        {
            _values.Sort();
            for (var i = 0; i < Quantiles.Length; i++)
            {
                percentiles[i] = Percentile(_values, Quantiles[i]);
            }
        }
        else
        {
            foreach (var value in _values)
            {
                _sketch.Add(value);
            }
            _sketch.Quantiles(Quantiles, percentiles);
            for (var i = 0; i < percentiles.Length; i++)
            {
                percentiles[i] = Math.Clamp(percentiles[i], _min, _max);
            }
        }
        var bucket = new Bucket(DateTimeOffset.FromUnixTimeMilliseconds(bucketStartMs), Count, _sum, _min, _max, _sum / Count,
            percentiles[0], percentiles[1], percentiles[2], _last);
        Reset();
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

    private void Reset()
    {
        _values.Clear();
        _sketch.Clear();
        _hasRollups = false;
        Count = 0;
        _sum = 0;
        _min = double.PositiveInfinity;
        _max = double.NegativeInfinity;
    }
}
