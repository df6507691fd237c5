namespace MonitorDashboard.Catalog;

/// <summary>
/// One metric of one model as the catalog shows it: how much it is sent, whether anything reads it, and whether it says
/// anything (a flat metric over the window never varied). <see cref="Unused"/> marks a candidate for archiving.
/// </summary>
public sealed record MetricUsage
{
    public required string Model { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required int SeriesCount { get; init; }
    /// <summary>Points per day over the catalog's window (30 days), all series together.</summary>
    public required double PointsPerDay { get; init; }
    public required DateTimeOffset? LastSeen { get; init; }
    public required IReadOnlyList<string> AlarmRules { get; init; }
    public required bool UsedByCanary { get; init; }
    public required bool UsedByDrift { get; init; }
    public required bool Flat { get; init; }
    public required bool Archived { get; init; }
    /// <summary>How often its chart was opened over the window (a metric page shown with it, <see cref="ChartOpenRecorder"/>).</summary>
    public required long ChartOpens { get; init; }

    /// <summary>Nothing reads it (no alarm rule, canary or drift check), and it never varied, nobody opened its chart, or it has not been sent for a day.</summary>
    public required bool Unused { get; init; }
}
