using MonitorDashboard.Alarms;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;

namespace MonitorDashboard.Dashboards;

/// <summary>
/// The Alarms page's rows and sparklines, and the rule actions it offers. Sparklines take one bucket query per watched
/// metric (not one per rule), each narrowed to what that metric's rules have in common.
/// </summary>
public sealed class AlarmBoardService(AlarmRuleStore rules, AlarmStateStore states, SeriesQueryService queries, TimeProvider time)
{
    public static readonly TimeSpan SparklineRange = TimeSpan.FromHours(1);
    private const long SparklineStepMs = 60_000;
    private const string ThresholdColor = "#e53935";

    /// <summary>Every rule's summary, and per rule id its aggregate per minute over the last hour with its threshold.</summary>
    public async Task<AlarmBoard> LoadAsync(CancellationToken cancellationToken = default)
    {
        var ruleList = await rules.ListAsync(cancellationToken);
        var summaries = AlarmRuleSummary.Build(ruleList, await states.ListAsync(cancellationToken), await rules.WebhookErrorsAsync(cancellationToken));
        if (ruleList.Count == 0)
        {
            return new AlarmBoard(summaries, new Dictionary<long, ChartSeries>(), new Dictionary<long, IReadOnlyList<ChartAnnotation>>());
        }
        var now = time.GetUtcNow();
        var buckets = new List<SeriesBuckets>();
        foreach (var selector in CoverPerMetric(ruleList.Select(r => r.Selector)))
        {
            buckets.AddRange(await queries.GetBucketsAsync(selector,
                (now - SparklineRange).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds() + 1, SparklineStepMs, cancellationToken));
        }
        var (lines, thresholds) = Sparklines(ruleList, buckets);
        return new AlarmBoard(summaries, lines, thresholds);
    }

    /// <summary>One covering selector per metric name: series of different metrics never share a query, so the sets are disjoint.</summary>
    public static IEnumerable<SeriesSelector> CoverPerMetric(IEnumerable<SeriesSelector> selectors) =>
        selectors.GroupBy(s => s.Name).Select(Cover);

    /// <summary>The narrowest selector matching every series any of <paramref name="selectors"/> matches: a field is kept only where all agree.</summary>
    public static SeriesSelector Cover(IEnumerable<SeriesSelector> selectors)
    {
        var list = selectors.ToList();
        if (list.Count == 0)
        {
            return SeriesSelector.All;
        }
        static string? Common(IEnumerable<string?> values)
        {
            var distinct = values.Distinct().ToList();
            return distinct.Count == 1 ? distinct[0] : null;
        }
        return new SeriesSelector
        {
            Model = Common(list.Select(s => s.Model)),
            Version = Common(list.Select(s => s.Version)),
            Stage = Common(list.Select(s => s.Stage)),
            Kind = Common(list.Select(s => s.Kind)),
            Name = Common(list.Select(s => s.Name)),
        };
    }

    /// <summary>Per rule, the worst of its series' per-minute aggregates (from <paramref name="buckets"/> of the series it selects), and its threshold line.</summary>
    public static (Dictionary<long, ChartSeries> Lines, Dictionary<long, IReadOnlyList<ChartAnnotation>> Thresholds) Sparklines(
        IReadOnlyList<AlarmRule> ruleList, IReadOnlyList<SeriesBuckets> buckets)
    {
        var lines = new Dictionary<long, ChartSeries>();
        var thresholds = new Dictionary<long, IReadOnlyList<ChartAnnotation>>();
        foreach (var rule in ruleList)
        {
            var perMinute = rule with { Window = TimeSpan.FromMinutes(1) };
            var worst = buckets.Where(b => Selects(rule.Selector, b.Series))
                .SelectMany(b => b.Buckets).GroupBy(b => b.Ts).OrderBy(g => g.Key)
                .Select(g => ChartSeries.Point(g.Key, g.Select(b => AlarmValueReader.Aggregate(b, perMinute)).Max()))
                .ToList();
            lines[rule.Id] = new ChartSeries(rule.Name, worst);
            thresholds[rule.Id] = [ChartAnnotation.Threshold(rule.Threshold, "", ThresholdColor)];
        }
        return (lines, thresholds);
    }

    private static bool Selects(SeriesSelector selector, SeriesInfo series) =>
        selector.Matches(new SeriesKey { Model = series.Model, Version = series.Version, Stage = series.Stage, Kind = series.Kind, Name = series.Name });

    /// <summary>The state of every (rule, series) pair the evaluator tracks.</summary>
    public Task<IReadOnlyList<AlarmStateView>> StatesAsync(CancellationToken cancellationToken = default) => states.ListAsync(cancellationToken);

    /// <summary>How many (rule, series) pairs are firing now.</summary>
    public async Task<int> FiringCountAsync(CancellationToken cancellationToken = default) =>
        (await states.ListAsync(cancellationToken)).Count(s => s.Status == AlarmStatus.Firing);

    /// <summary>One rule (null when deleted) with the states of its series and its latest history entries.</summary>
    public async Task<AlarmRuleDetail> DetailAsync(long ruleId, int historyTake, CancellationToken cancellationToken = default)
    {
        var rule = await rules.GetAsync(ruleId, cancellationToken);
        var ruleStates = (await states.ListAsync(cancellationToken)).Where(s => s.RuleId == ruleId).ToList();
        var history = await states.HistoryAsync(ruleId, null, historyTake, cancellationToken);
        return new AlarmRuleDetail(rule, ruleStates, history);
    }

    public Task<bool> AcknowledgeAsync(long ruleId, long seriesId, string who, string? comment) =>
        states.AcknowledgeAsync(ruleId, seriesId, who, comment, time.GetUtcNow());

    public Task<AlarmRule> CreateAsync(AlarmRule rule, string actor) => rules.CreateAsync(rule, actor);

    public Task<AlarmSaveResult> UpdateAsync(AlarmRule rule, string actor) => rules.UpdateAsync(rule, actor);

    public Task<AlarmSaveResult> SetEnabledAsync(AlarmRule rule, bool enabled, string actor) => rules.UpdateAsync(rule with { Enabled = enabled }, actor);

    public Task<bool> DeleteAsync(AlarmRule rule, string actor) => rules.DeleteAsync(rule.Id, actor);
}

/// <summary>What the alarm detail page draws.</summary>
public sealed record AlarmRuleDetail(AlarmRule? Rule, IReadOnlyList<AlarmStateView> States, IReadOnlyList<AlarmHistoryEntry> History);

/// <summary>What the Alarms page draws.</summary>
public sealed record AlarmBoard(
    IReadOnlyList<AlarmRuleSummary> Summaries,
    IReadOnlyDictionary<long, ChartSeries> Sparklines,
    IReadOnlyDictionary<long, IReadOnlyList<ChartAnnotation>> Thresholds);
