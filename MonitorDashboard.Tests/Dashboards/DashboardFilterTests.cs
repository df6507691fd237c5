using MonitorDashboard.Dashboards;

namespace MonitorDashboard.Tests.Dashboards;

public sealed class DashboardFilterTests
{
    [Fact]
    public void ToQuery_ThenFromQuery_GivesTheSameView()
    {
        var filter = new DashboardFilter("voice-search", "asr", ["v1", "v2"], TimeRange.Parse("6h", null, null), false);

        var restored = DashboardFilter.FromQuery(filter.ToQuery());

        Assert.Equal((filter.Model, filter.Stage, filter.Range.Key, filter.Live), (restored.Model, restored.Stage, restored.Range.Key, restored.Live));
        Assert.Equal(filter.Versions, restored.Versions);
    }

    [Fact]
    public void ToQuery_CustomRange_KeepsBothEndsAndIsNeverLive()
    {
        var from = new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);
        var filter = new DashboardFilter("m", "s", [], TimeRange.Custom(from, from.AddHours(3)), true);

        var restored = DashboardFilter.FromQuery(filter.ToQuery());

        Assert.True(restored.Range.IsCustom);
        Assert.Equal(from, restored.Range.FixedFrom);
        Assert.Equal(from.AddHours(3), restored.Range.FixedTo);
        Assert.False(restored.Live);
    }

    [Fact]
    public void FromQuery_Nothing_DefaultsToTheLastHourLive()
    {
        var filter = DashboardFilter.FromQuery("");

        Assert.Equal(("1h", true), (filter.Range.Key, filter.Live));
        Assert.Empty(filter.Versions);
    }

    [Theory]
    [InlineData("15m")]
    [InlineData("1h")]
    [InlineData("6h")]
    [InlineData("24h")]
    [InlineData("7d")]
    public void Step_EveryPreset_KeepsASeriesUnderAThousandPoints(string key)
    {
        var range = TimeRange.Parse(key, null, null);

        var points = range.Span / range.Step;

        Assert.InRange(points, 100, 1000);
    }
}
