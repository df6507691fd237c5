namespace MonitorDashboard.Storage.Blocks;

/// <summary>Timestamps and values of decoded points, as two growable arrays a reader reuses from one range to the next.</summary>
public sealed class PointList
{
    private long[] _timestamps = new long[256];
    private double[] _values = new double[256];

    public int Count { get; private set; }

    public ReadOnlySpan<long> TimestampsMs => _timestamps.AsSpan(0, Count);

    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(long timestampMs, double value)
    {
        if (Count == _timestamps.Length)
        {
            Array.Resize(ref _timestamps, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }
        _timestamps[Count] = timestampMs;
        _values[Count] = value;
        Count++;
    }

    /// <summary>Adds the points of one encoded block that lie in [<paramref name="fromMs"/>, <paramref name="toMs"/>), in the block's order.</summary>
    public void AddFromBlock(ReadOnlySpan<byte> block, long fromMs, long toMs)
    {
        var decoder = new PointBlockDecoder(block);
        while (decoder.Next())
        {
            if (decoder.TimestampMs >= fromMs && decoder.TimestampMs < toMs)
            {
                Add(decoder.TimestampMs, decoder.Value);
            }
        }
    }

    /// <summary>Orders by time; points with equal timestamps keep the order they were added in (their arrival).</summary>
    public void SortByTimeStable()
    {
        var timestamps = TimestampsMs;
        var sorted = true;
        for (var i = 1; i < timestamps.Length && sorted; i++)
        {
            sorted = timestamps[i - 1] <= timestamps[i];
        }
        if (sorted)
        {
            return;
        }
        // OrderBy is a stable sort; out-of-order blocks are the exception, so its allocations do not matter.
        var order = Enumerable.Range(0, Count).OrderBy(i => _timestamps[i]).ToArray();
        _timestamps = [.. order.Select(i => _timestamps[i]), .. new long[_timestamps.Length - Count]];
        _values = [.. order.Select(i => _values[i]), .. new double[_values.Length - Count]];
    }

    /// <summary>The index of the first point at or after <paramref name="timestampMs"/> (the points sorted by time).</summary>
    public int LowerBound(long timestampMs)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_timestamps[middle] < timestampMs)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
