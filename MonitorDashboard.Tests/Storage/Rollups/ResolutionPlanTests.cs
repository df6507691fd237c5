using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Tests.Storage.Rollups;

public sealed class ResolutionPlanTests
{
    private const long Minute = RollupResolution.MinuteMs;
    private const long Hour = RollupResolution.HourMs;
    private const long Day = 24 * Hour;
    private static readonly long Start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Plan_OneHourChart_ReadsRawPoints()
    {
        var segments = ResolutionPlan.Plan(Start, Start + Hour, stepMs: 12_000, rollupsCompleteBeforeMs: long.MaxValue);

        Assert.Equal([new RangeSegment(RangeSegment.Raw, Start, Start + Hour)], segments);
    }

    [Fact]
    public void Plan_WeekChartWithTenMinuteSteps_ReadsMinuteRollupsAndRawEdges()
    {
        var from = Start + 25_000;
        var to = from + (7 * Day);

        var segments = ResolutionPlan.Plan(from, to, stepMs: 10 * Minute, rollupsCompleteBeforeMs: long.MaxValue);

        Assert.Equal(
        [
            new RangeSegment(RangeSegment.Raw, from, Start + Minute),
            new RangeSegment(Minute, Start + Minute, to - 25_000),
            new RangeSegment(RangeSegment.Raw, to - 25_000, to),
        ], segments);
    }

    [Fact]
    public void Plan_QuarterChartWithHourSteps_ReadsHoursInsideMinutesAtTheEdgesAndRawAtTheEnds()
    {
        var from = Start + (90 * Minute) + 1_000;
        var to = Start + (90 * Day) + (30 * Minute) + 500;

        var segments = ResolutionPlan.Plan(from, to, stepMs: 3 * Hour, rollupsCompleteBeforeMs: long.MaxValue);

        Assert.Equal(
        [
            new RangeSegment(RangeSegment.Raw, from, Start + (91 * Minute)),
            new RangeSegment(Minute, Start + (91 * Minute), Start + (2 * Hour)),
            new RangeSegment(Hour, Start + (2 * Hour), Start + (90 * Day)),
            new RangeSegment(Minute, Start + (90 * Day), Start + (90 * Day) + (30 * Minute)),
            new RangeSegment(RangeSegment.Raw, Start + (90 * Day) + (30 * Minute), to),
        ], segments);
    }

    [Fact]
    public void Plan_RangeEndingNow_ReadsTheNewestMomentsRawBecauseTheirRollupsMayBeUnsaved()
    {
        var to = Start + (2 * Day);
        var completeBefore = to - 2_000;

        var segments = ResolutionPlan.Plan(Start, to, stepMs: 5 * Minute, rollupsCompleteBeforeMs: completeBefore);

        Assert.Equal(
        [
            new RangeSegment(Minute, Start, to - Minute),
            new RangeSegment(RangeSegment.Raw, to - Minute, to),
        ], segments);
    }

    [Fact]
    public void Plan_ShortRangeInMinuteSteps_ReadsRawPointsWithExactPercentiles()
    {
        var segments = ResolutionPlan.Plan(Start, Start + (5 * Minute), stepMs: Minute, rollupsCompleteBeforeMs: long.MaxValue);

        Assert.Equal([new RangeSegment(RangeSegment.Raw, Start, Start + (5 * Minute))], segments);
    }

    [Fact]
    public void Plan_RangeReachingPastRetention_ReadsHoursWhereOnlyHoursRemainMinutesWhereNoRawPointsRemainThenRaw()
    {
        var from = Start + (10 * Minute);
        var to = Start + (60 * Day);
        var retained = new RetainedFrom(RawMs: Start + (50 * Day) + 30_000, MinuteMs: Start + (20 * Day) + (90 * Minute));

        var segments = ResolutionPlan.Plan(from, to, stepMs: 2 * Hour, rollupsCompleteBeforeMs: long.MaxValue, retained);

        Assert.Equal(
        [
            new RangeSegment(Hour, from, Start + (20 * Day) + (2 * Hour)),
            new RangeSegment(Hour, Start + (20 * Day) + (2 * Hour), Start + (50 * Day)),
            new RangeSegment(Minute, Start + (50 * Day), Start + (50 * Day) + Minute),
            new RangeSegment(Minute, Start + (50 * Day) + Minute, Start + (50 * Day) + Hour),
            new RangeSegment(Hour, Start + (50 * Day) + Hour, to),
        ], segments);
    }

    [Fact]
    public void Plan_StepNotAMultipleOfAMinute_ReadsRawSoNoRollupStraddlesTwoBuckets()
    {
        var segments = ResolutionPlan.Plan(Start, Start + Day, stepMs: 90_000, rollupsCompleteBeforeMs: long.MaxValue);

        Assert.Equal([new RangeSegment(RangeSegment.Raw, Start, Start + Day)], segments);
    }

    [Theory]
    [InlineData(5 * Minute, RangeSegment.Raw)]
    [InlineData(8 * Hour, RangeSegment.Raw)]
    [InlineData(9 * Hour, Minute)]
    [InlineData(Day, Minute)]
    [InlineData(20 * Day, Minute)]
    [InlineData(21 * Day, Hour)]
    public void Plan_SingleBucket_UsesTheCoarsestResolutionWithAtLeast500BucketsInTheRange(long span, long expected)
    {
        var segments = ResolutionPlan.Plan(Start, Start + span, stepMs: null, rollupsCompleteBeforeMs: long.MaxValue);

        Assert.Equal(expected, Assert.Single(segments).ResolutionMs);
    }
}
