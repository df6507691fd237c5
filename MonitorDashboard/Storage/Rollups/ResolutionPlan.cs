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

    /// <param name="retained">
    /// Where retention has left only rollups: before <see cref="RetainedFrom.RawMs"/> there are no raw points, before
    /// <see cref="RetainedFrom.MinuteMs"/> no minute rollups. Those parts are read at the finest resolution still kept,
    /// whole buckets by their start, however few buckets that gives.
    /// </param>
    public static IReadOnlyList<RangeSegment> Plan(long fromMs, long toMs, long? stepMs, long rollupsCompleteBeforeMs, RetainedFrom? retained = null)
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

        var kept = retained ?? RetainedFrom.Everything;
        var hoursOnlyUntil = Math.Clamp(CeilingOrMin(kept.MinuteMs, RollupResolution.HourMs), fromMs, toMs);
        var rollupsOnlyUntil = Math.Clamp(CeilingOrMin(kept.RawMs, RollupResolution.MinuteMs), hoursOnlyUntil, toMs);
        if (fromMs < hoursOnlyUntil)
        {
            segments.Add(new RangeSegment(RollupResolution.HourMs, fromMs, hoursOnlyUntil));
        }
        Cover(hoursOnlyUntil, rollupsOnlyUntil, levels.Where(l => l > RollupResolution.MinuteMs).ToArray(), 0, long.MaxValue, RollupResolution.MinuteMs, segments);
        Cover(rollupsOnlyUntil, toMs, levels, 0, rollupsCompleteBeforeMs, RangeSegment.Raw, segments);
        return segments;
    }

    private static long CeilingOrMin(long timestampMs, long widthMs) =>
        timestampMs == long.MinValue ? long.MinValue : RollupResolution.BucketStart(timestampMs + widthMs - 1, widthMs);

    /// <summary>Whole buckets of the coarsest level inside, the rest one level finer, down to <paramref name="finest"/>.</summary>
    private static void Cover(long fromMs, long toMs, long[] levels, int level, long completeBeforeMs, long finest, List<RangeSegment> segments)
    {
        if (fromMs >= toMs)
        {
            return;
        }
        if (level == levels.Length)
        {
            segments.Add(new RangeSegment(finest, fromMs, toMs));
            return;
        }
        var width = levels[level];
        var innerFrom = RollupResolution.BucketStart(fromMs + width - 1, width);
        var innerTo = RollupResolution.BucketStart(Math.Min(toMs, completeBeforeMs), width);
        if (innerFrom >= innerTo)
        {
            Cover(fromMs, toMs, levels, level + 1, completeBeforeMs, finest, segments);
            return;
        }
        Cover(fromMs, innerFrom, levels, level + 1, completeBeforeMs, finest, segments);
        segments.Add(new RangeSegment(width, innerFrom, innerTo));
        Cover(innerTo, toMs, levels, level + 1, completeBeforeMs, finest, segments);
    }
}
