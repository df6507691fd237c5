using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

/// <summary>
/// A threshold a lead set on a metric (<see cref="Selector"/>: its <c>Name</c> is the metric, always set; the other fields narrow it). <see cref="RecoveryThreshold"/> adds hysteresis: a firing alarm resolves only once
/// the value is back past it, so a value hovering at the threshold does not flap. <see cref="ConcurrencyVersion"/>
/// changes with every save; an update based on an older one is refused (409), never silently overwritten.
/// </summary>
public sealed record AlarmRule(
    long Id,
    string Name,
    SeriesSelector Selector,
    AlarmAggregation Aggregation,
    TimeSpan Window,
    AlarmComparator Comparator,
    double Threshold,
    double? RecoveryThreshold,
    TimeSpan For,
    NoDataPolicy NoData,
    AlarmSeverity Severity,
    bool Enabled,
    DateTimeOffset? MutedUntil,
    string? MuteReason,
    string? WebhookUrl,
    int ConcurrencyVersion = 0)
{
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(24);

    public bool IsBreached(double value) => Comparator switch
    {
        AlarmComparator.GreaterThan => value > Threshold,
        AlarmComparator.GreaterOrEqual => value >= Threshold,
        AlarmComparator.LessThan => value < Threshold,
        _ => value <= Threshold,
    };

    /// <summary>Back on the good side: past the recovery threshold when there is one, else simply not breached.</summary>
    public bool IsRecovered(double value) => RecoveryThreshold is not { } recovery
        ? !IsBreached(value)
        : Comparator is AlarmComparator.GreaterThan or AlarmComparator.GreaterOrEqual ? value < recovery : value > recovery;

    /// <summary>The watched metric: a rule always names one (the validator and the stored row see to it).</summary>
    public string Metric => Selector.Name ?? throw new InvalidOperationException($"Alarm rule {Id} names no metric.");

    public bool IsMuted(DateTimeOffset now) => MutedUntil is { } until && until > now;

    public string Describe() =>
        $"{Aggregation.ToWire()}({Metric}) over {AlarmDurations.Format(Window)} {Comparator.Symbol()} {Threshold:G6}" +
        (For > TimeSpan.Zero ? $" for {AlarmDurations.Format(For)}" : "");
}
