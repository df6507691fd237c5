using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>
/// A window over one series' raw points that only moves forward: each call advances two indexes, so a whole replay reads
/// every point once to find the windows (the aggregation itself still visits each point once per window it lies in).
/// </summary>
public sealed class SlidingWindow(SeriesPoints points)
{
    private int _first;
    private int _end;

    public SeriesInfo Series => points.Series;

    /// <summary>Statistics of the points in [<paramref name="fromMs"/>, <paramref name="toMs"/>]; null when there are none.</summary>
    public Bucket? Slide(long fromMs, long toMs, BucketAggregator aggregator)
    {
        var timestamps = points.TimestampsMs;
        while (_end < timestamps.Length && timestamps[_end] <= toMs)
        {
            _end++;
        }
        while (_first < _end && timestamps[_first] < fromMs)
        {
            _first++;
        }
        if (_first == _end)
        {
            return null;
        }
        for (var i = _first; i < _end; i++)
        {
            aggregator.Add(points.Values[i]);
        }
        return aggregator.Complete(fromMs);
    }
}
