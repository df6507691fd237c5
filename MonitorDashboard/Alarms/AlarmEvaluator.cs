namespace MonitorDashboard.Alarms;

/// <summary>
/// The state machine of one series under one rule, free of I/O and clocks: given the previous state, the
/// aggregated value (null: no data) and the time, it returns the next state and the transition, if any.
/// </summary>
public static class AlarmEvaluator
{
    public static (AlarmState State, AlarmTransition? Transition) Evaluate(AlarmRule rule, AlarmState previous, double? value, DateTimeOffset now)
    {
        bool breached, recovered;
        if (value is { } v)
        {
            breached = rule.IsBreached(v);
            recovered = rule.IsRecovered(v);
        }
        else
        {
            switch (rule.NoData)
            {
                case NoDataPolicy.KeepLast:
                    return (previous with { Value = null, EvaluatedAt = now }, null);
                case NoDataPolicy.Alerting:
                    (breached, recovered) = (true, false);
                    break;
                default:
                    (breached, recovered) = (false, true);
                    break;
            }
        }

        var next = previous.Status switch
        {
            AlarmStatus.Ok when breached && rule.For <= TimeSpan.Zero => new AlarmState(AlarmStatus.Firing, now, now, value, now),
            AlarmStatus.Ok when breached => new AlarmState(AlarmStatus.Pending, now, now, value, now),
            AlarmStatus.Pending when !breached => new AlarmState(AlarmStatus.Ok, now, null, value, now),
            AlarmStatus.Pending when now - previous.PendingSince!.Value >= rule.For => new AlarmState(AlarmStatus.Firing, now, previous.PendingSince, value, now),
            AlarmStatus.Firing when recovered => new AlarmState(AlarmStatus.Ok, now, null, value, now),
            _ => previous with { Value = value, EvaluatedAt = now },
        };
        return (next, next.Status == previous.Status ? null : new AlarmTransition(previous.Status, next.Status, now, value));
    }
}
