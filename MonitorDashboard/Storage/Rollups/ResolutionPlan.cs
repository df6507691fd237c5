namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// Decides which stored resolution answers which part of a query. The coarsest rollup that still gives the chart
/// about 1,000 buckets (at least <see cref="MinBuckets"/> over the range, no wider than the step and dividing it)
/// reads the whole buckets inside the range; shorter ranges are read raw, with exact percentiles; the partial buckets at either end, and the newest moments whose
/// rollups may still be in the writer's memory, are read one resolution finer, down to raw points. So every
/// bucket counts exactly the points within the range.
/// </summary>
public static class ResolutionPlan
{
    /// <summary>A resolution is used only when the range holds at least this many of its buckets ("about 1,000").</summary>
    public const int MinBuckets = 500;

    public static IReadOnlyList<RangeSegment> Plan(long fromMs, long toMs, long? stepMs, long rollupsCompleteBeforeMs)
    {
        var segments = new List<RangeSegment>();
        if (toMs <= fromMs)
        {
            return segments;
        }
        var widest = (toMs - fromMs) / MinBuckets;
        var levels = RollupResolution.All
            .Where(r => r <= widest && (stepMs is null || (r <= stepMs && stepMs % r == 0)))
            .OrderDescending()
            .ToArray();
        Cover(fromMs, toMs, levels, 0, rollupsCompleteBeforeMs, segments);
        return segments;
    }

    private static void Cover(long fromMs, long toMs, long[] levels, int level, long completeBeforeMs, List<RangeSegment> segments)
    {
        if (fromMs >= toMs)
        {
            return;
        }
        if (level == levels.Length)
        {
            segments.Add(new RangeSegment(RangeSegment.Raw, fromMs, toMs));
            return;
        }
        var width = levels[level];
        var innerFrom = RollupResolution.BucketStart(fromMs + width - 1, width);
        var innerTo = RollupResolution.BucketStart(Math.Min(toMs, completeBeforeMs), width);
        if (innerFrom >= innerTo)
        {
            Cover(fromMs, toMs, levels, level + 1, completeBeforeMs, segments);
            return;
        }
        Cover(fromMs, innerFrom, levels, level + 1, completeBeforeMs, segments);
        segments.Add(new RangeSegment(width, innerFrom, innerTo));
        Cover(innerTo, toMs, levels, level + 1, completeBeforeMs, segments);
    }
}
