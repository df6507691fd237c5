namespace MonitorDashboard.Alarms;

/// <summary>One evaluation of one rule over every series it matches: each series keeps a state of its own.</summary>
public static class AlarmCycle
{
    public static (Dictionary<long, AlarmState> States, List<(long SeriesId, AlarmTransition Transition)> Transitions) Evaluate(
        AlarmRule rule,
        IReadOnlyDictionary<long, double?> valuesBySeries,
        IReadOnlyDictionary<long, AlarmState> previousBySeries,
        DateTimeOffset now)
    {
        var states = new Dictionary<long, AlarmState>(valuesBySeries.Count);
        var transitions = new List<(long, AlarmTransition)>();
        foreach (var (seriesId, value) in valuesBySeries)
        {
            var previous = previousBySeries.GetValueOrDefault(seriesId) ?? AlarmState.Initial(now);
            var (state, transition) = AlarmEvaluator.Evaluate(rule, previous, value, now);
            states[seriesId] = state;
            if (transition is not null)
            {
                transitions.Add((seriesId, transition));
            }
        }
        return (states, transitions);
    }
}
