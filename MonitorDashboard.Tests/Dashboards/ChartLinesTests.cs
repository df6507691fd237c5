using MonitorDashboard.Dashboards;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Tests.Dashboards;

public sealed class ChartLinesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static SeriesBuckets Buckets(long id, string version, Dictionary<string, string>? tags = null) =>
        new(new SeriesInfo() { Id = id, Model = "asr", Version = version, Stage = "asr", Kind = "software", Name = "latency_ms", Tags = tags ?? [] },
            [new Bucket(T0, 3, 30, 5, 15, 10, 9, 14, 15, 15)]);

    [Fact]
    public void From_LatencyOfTwoVersions_OneLinePerVersionAndPercentileWithVersionColours()
    {
        var lines = ChartLines.From([Buckets(2, "v2"), Buckets(1, "v1")], MetricCatalog.For("latency_ms"));

        Assert.Equal(["v1 p50", "v1 p95", "v1 p99", "v2 p50", "v2 p95", "v2 p99"], lines.Select(l => l.Name));
        Assert.Equal(14, lines[1].Points[0][1]);
        Assert.Single(lines.Take(3).Select(l => l.Color).Distinct());
        Assert.NotEqual(lines[0].Color, lines[3].Color);
        Assert.Equal([0, 6, 2], lines.Take(3).Select(l => l.Dash));
    }

    [Fact]
    public void From_FractionMetric_ScaledToPercent()
    {
        var lines = ChartLines.From([Buckets(1, "v1")], MetricCatalog.For("error_rate"));

        Assert.Equal(1000, Assert.Single(lines).Points[0][1]); // avg 10 -> 1000 %
        Assert.Equal("%", MetricCatalog.For("error_rate").Unit);
    }

    [Fact]
    public void LineName_SeriesWithTags_ListsThemSortedAsPlainText()
    {
        var name = ChartLines.LineName(Buckets(1, "v1", new() { ["zone"] = "<b>x</b>", ["app"] = "a" }).Series, BucketStat.Avg, withStat: false);

        Assert.Equal("v1 {app=a, zone=<b>x</b>}", name);
    }

    [Fact]
    public void For_UnknownMetric_ChartedByAverageUnderItsOwnName()
    {
        var definition = MetricCatalog.For("gpu_temperature");

        Assert.Equal(("gpu_temperature", "gpu_temperature", ""), (definition.Name, definition.Title, definition.Unit));
        Assert.Equal([BucketStat.Avg], definition.Stats);
    }
}
