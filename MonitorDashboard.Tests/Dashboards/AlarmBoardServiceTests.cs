using MonitorDashboard.Alarms;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Tests.Dashboards;

public sealed class AlarmBoardServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static AlarmRule Rule(long id, SeriesSelector selector, AlarmAggregation aggregation, double threshold) =>
        new(id, $"rule {id}", selector, aggregation, TimeSpan.FromMinutes(5), AlarmComparator.GreaterThan, threshold, null,
            TimeSpan.Zero, NoDataPolicy.Ok, AlarmSeverity.Warning, true, null, null, null);

    private static SeriesBuckets Series(long id, string stage, string version, string name, int seed) =>
        new(new SeriesInfo { Id = id, Model = "asr", Version = version, Stage = stage, Kind = "software", Name = name, Tags = new Dictionary<string, string>() },
            Enumerable.Range(0, 5).Select(m =>
            {
                var v = seed * 10 + m * (seed % 2 == 0 ? 1 : -1);
                return new Bucket(Start.AddMinutes(m), 60 + seed, v * 60, v - 5, v + 5, v, v, v + 2, v + 3, v + 1);
            }).ToList());

    private static readonly IReadOnlyList<SeriesBuckets> Stored =
    [
        Series(1, "recognizer", "v1", "latency_ms", 1),
        Series(2, "recognizer", "v2", "latency_ms", 2),
        Series(3, "punctuator", "v1", "latency_ms", 3),
        Series(4, "recognizer", "v1", "error_rate", 4),
    ];

    private static readonly IReadOnlyList<AlarmRule> Rules =
    [
        Rule(10, new SeriesSelector { Model = "asr", Name = "latency_ms" }, AlarmAggregation.P95, 30),
        Rule(11, new SeriesSelector { Model = "asr", Stage = "recognizer", Name = "latency_ms" }, AlarmAggregation.Rate, 1),
        Rule(12, new SeriesSelector { Model = "asr", Stage = "recognizer", Name = "error_rate" }, AlarmAggregation.Max, 50),
    ];

    private static bool Selects(SeriesSelector selector, SeriesInfo s) =>
        selector.Matches(new SeriesKey { Model = s.Model, Version = s.Version, Stage = s.Stage, Kind = s.Kind, Name = s.Name });

    [Fact]
    public void Cover_ThreeRules_KeepsOnlyTheFieldsAllAgreeOnAndMatchesEverySeriesAnyRuleMatches()
    {
        var cover = AlarmBoardService.Cover(Rules.Select(r => r.Selector));

        Assert.Equal(new SeriesSelector { Model = "asr" }, cover);
        Assert.All(Stored.Where(b => Rules.Any(r => Selects(r.Selector, b.Series))), b => Assert.True(Selects(cover, b.Series)));
    }

    [Fact]
    public void CoverPerMetric_RulesOnTwoModelsAndTwoMetrics_OneNarrowQueryPerMetricInsteadOfEverySeries()
    {
        var covers = AlarmBoardService.CoverPerMetric(
        [
            new SeriesSelector { Model = "asr", Name = "latency_ms" },
            new SeriesSelector { Model = "vad", Name = "latency_ms" },
            new SeriesSelector { Model = "asr", Stage = "recognizer", Name = "error_rate" },
        ]).ToList();

        // One cover over both models would have read every series of every model.
        Assert.Equal(
            [new SeriesSelector { Name = "latency_ms" }, new SeriesSelector { Model = "asr", Stage = "recognizer", Name = "error_rate" }],
            covers);
    }

    [Fact]
    public void Sparklines_OneQueryForThreeRules_EqualTheOldOneQueryPerRuleOutput()
    {
        // The single query for the cover selector returns every stored series here.
        var (lines, thresholds) = AlarmBoardService.Sparklines(Rules, Stored);

        foreach (var rule in Rules)
        {
            // What Alarms.razor.cs used to compute from one bucket query per rule.
            var perRule = Stored.Where(b => Selects(rule.Selector, b.Series)).ToList();
            var expected = perRule.SelectMany(b => b.Buckets).GroupBy(b => b.Ts).OrderBy(g => g.Key)
                .Select(g => ChartSeries.Point(g.Key, g.Select(b => AlarmValueReader.Aggregate(b, rule with { Window = TimeSpan.FromMinutes(1) })).Max()))
                .ToList();

            Assert.Equal(rule.Name, lines[rule.Id].Name);
            Assert.Equal(expected.Count, lines[rule.Id].Points.Count);
            Assert.NotEmpty(expected);
            Assert.All(expected.Zip(lines[rule.Id].Points), pair => Assert.Equal(pair.First, pair.Second));
            Assert.Equal(rule.Threshold, Assert.Single(thresholds[rule.Id]).Value);
        }
    }
}
