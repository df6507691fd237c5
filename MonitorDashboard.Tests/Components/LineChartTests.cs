using System.Text.Json;
using Bunit;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Components.Controls;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Components;

public sealed class LineChartTests : DashboardTestContext
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(20000));
    private readonly BunitJSModuleInterop _module;

    public LineChartTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
        _module = JSInterop.SetupModule(LineChart.ModulePath);
        _module.Setup<bool>("create", _ => true).SetResult(true);
        _module.SetupVoid("append", _ => true).SetVoidResult();
        _module.SetupVoid("replace", _ => true).SetVoidResult();
    }

    private static ChartSeries Line(string name, params double[] values) =>
        new(name, values.Select((v, i) => new[] { i * 1000.0, v }).ToList());

    private static JsonElement Json(object? argument) => JsonSerializer.SerializeToElement(argument, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void Render_WithParameters_CreatesTheChartWithSeriesUnitAndHeight()
    {
        Render<LineChart>(p => p
            .Add(c => c.Series, [Line("v1 p95", 1, 2, 3)])
            .Add(c => c.Unit, "ms")
            .Add(c => c.Height, 180)
            .Add(c => c.Annotations, [ChartAnnotation.Threshold(250, "p95 limit")]));

        var config = Json(_module.VerifyInvoke("create").Arguments[1]);
        Assert.Equal("ms", config.GetProperty("unit").GetString());
        Assert.Equal(180, config.GetProperty("height").GetInt32());
        Assert.False(config.GetProperty("sparkline").GetBoolean());
        var series = Assert.Single(config.GetProperty("series").EnumerateArray());
        Assert.Equal("v1 p95", series.GetProperty("name").GetString());
        Assert.Equal(3, series.GetProperty("points").GetArrayLength());
        Assert.Equal("threshold", config.GetProperty("annotations")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void SeriesParameter_NewList_ReplacesTheSeriesWithoutCreatingAnotherChart()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Series, [Line("v1", 1)]));

        chart.Render(p => p.Add(c => c.Series, [Line("v1", 1), Line("v2", 2)]));

        Assert.Single(_module.Invocations["create"]);
        var replaced = Json(_module.VerifyInvoke("replace").Arguments[1]);
        Assert.Equal(2, replaced.GetArrayLength());
    }

    [Fact]
    public async Task AppendAsync_ManyTimesWithinHalfASecond_ReachesTheBrowserAtMostTwice()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Series, [Line("v1", 1)]));
        var window = DateTimeOffset.UnixEpoch;

        await chart.Instance.AppendAsync([new ChartSeries("v1", [[5000, 1]])], window); // first: drawn at once
        var pending = Enumerable.Range(0, 50).Select(i => chart.Instance.AppendAsync([new ChartSeries("v1", [[6000 + i, i]])], window)).ToList();
        Assert.Single(_module.Invocations["append"]);

        await Task.WhenAll(pending); // appending never waits for the redraw
        Assert.Single(_module.Invocations["append"]);
        _time.Advance(LineChart.MinRedrawInterval);

        chart.WaitForAssertion(() => Assert.Equal(2, _module.Invocations["append"].Count));
        var appends = _module.Invocations["append"];
        var coalesced = Json(appends[1].Arguments[1]);
        Assert.Equal(50, Assert.Single(coalesced.EnumerateArray()).GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task Dispose_Component_DisposesTheBrowserChart()
    {
        _module.SetupVoid("dispose", _ => true).SetVoidResult();
        Render<LineChart>(p => p.Add(c => c.Series, [Line("v1", 1)]));

        await DisposeComponentsAsync();

        _module.VerifyInvoke("dispose");
    }
}
