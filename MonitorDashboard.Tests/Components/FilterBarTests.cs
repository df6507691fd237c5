using Bunit;
using MonitorDashboard.Components.Controls;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Components;

public sealed class FilterBarTests : DashboardTestContext
{
    private static readonly IReadOnlyList<SeriesInfo> Series =
    [
        new() { Id = 1, Model = "voice-search", Version = "v1", Stage = "vad", Kind = "software", Name = "latency_ms", Tags = new Dictionary<string, string>() },
        new() { Id = 2, Model = "voice-search", Version = "v1", Stage = "asr", Kind = "software", Name = "latency_ms", Tags = new Dictionary<string, string>() },
        new() { Id = 3, Model = "voice-search", Version = "v2", Stage = "asr", Kind = "software", Name = "latency_ms", Tags = new Dictionary<string, string>() },
        new() { Id = 4, Model = "ranker", Version = "v7", Stage = "rank", Kind = "software", Name = "latency_ms", Tags = new Dictionary<string, string>() },
    ];

    private DashboardFilter? _changed;

    private IRenderedComponent<FilterBar> RenderBar(DashboardFilter filter) =>
        Render<FilterBar>(p => p
            .Add(c => c.Series, Series)
            .Add(c => c.Filter, filter)
            .Add(c => c.FilterChanged, f => _changed = f));

    [Fact]
    public void Render_SelectedModelAndStage_ShownInTheSelects()
    {
        var bar = RenderBar(new DashboardFilter("voice-search", "asr", [], TimeRange.Default, true));

        Assert.Contains("voice-search", bar.Find("[data-testid=filter-model]").ParentElement!.ParentElement!.OuterHtml);
        Assert.Contains("asr", bar.Find("[data-testid=filter-stage]").ParentElement!.ParentElement!.OuterHtml);
    }

    [Fact]
    public void RangeToggle_Clicked_ReportsTheNewRangeKeepingTheRest()
    {
        var bar = RenderBar(new DashboardFilter("voice-search", "asr", ["v2"], TimeRange.Default, true));

        bar.FindAll("[data-testid=filter-range] button").Single(b => b.TextContent.Trim() == "6h").Click();

        Assert.NotNull(_changed);
        Assert.Equal("6h", _changed.Range.Key);
        Assert.Equal(("voice-search", "asr", "v2", true), (_changed.Model, _changed.Stage, _changed.Versions.Single(), _changed.Live));
    }

    [Fact]
    public void CustomToggle_Clicked_SwitchesToAFixedRangeAndTurnsLiveOff()
    {
        var bar = RenderBar(new DashboardFilter("voice-search", "asr", [], TimeRange.Default, true));

        bar.FindAll("[data-testid=filter-range] button").Single(b => b.TextContent.Trim() == "custom").Click();

        Assert.NotNull(_changed);
        Assert.True(_changed.Range.IsCustom);
        Assert.False(_changed.Live);
        Assert.Equal(TimeSpan.FromHours(1), _changed.Range.Span);
    }

    [Fact]
    public void Render_CustomRange_ShowsFromAndToInTheViewersZoneAndDisablesLive()
    {
        var from = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        var bar = Render<FilterBar>(p => p
            .Add(c => c.Series, Series)
            .Add(c => c.Filter, new DashboardFilter("voice-search", "asr", [], TimeRange.Custom(from, from.AddHours(2)), false))
            .Add(c => c.Zone, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

        Assert.Equal("2026-11-25T09:00", bar.Find("[data-testid=filter-from]").GetAttribute("value"));
        Assert.Equal("2026-11-25T11:00", bar.Find("[data-testid=filter-to]").GetAttribute("value"));
        Assert.True(bar.Find("[data-testid=filter-live]").HasAttribute("disabled"));
    }
}
