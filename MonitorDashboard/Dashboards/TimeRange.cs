namespace MonitorDashboard.Dashboards;

/// <summary>The time window of a dashboard: a preset ending now (live) or a fixed custom span.</summary>
public sealed record TimeRange(string Key, TimeSpan Span, DateTimeOffset? FixedFrom = null, DateTimeOffset? FixedTo = null)
{
    public const string CustomKey = "custom";
    public const int TargetPointsPerSeries = 300;

    public static readonly IReadOnlyList<TimeRange> Presets =
    [
        new("15m", TimeSpan.FromMinutes(15)),
        new("1h", TimeSpan.FromHours(1)),
        new("6h", TimeSpan.FromHours(6)),
        new("24h", TimeSpan.FromHours(24)),
        new("7d", TimeSpan.FromDays(7)),
    ];

    public static readonly TimeRange Default = Presets[1];

    private static readonly TimeSpan[] NiceSteps = new[] { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400 }
        .Select(s => TimeSpan.FromSeconds(s)).ToArray();

    public bool IsCustom => Key == CustomKey;

    public static TimeRange Custom(DateTimeOffset from, DateTimeOffset to) => new(CustomKey, to - from, from, to);

    public static TimeRange Parse(string? key, DateTimeOffset? from, DateTimeOffset? to) =>
        key == CustomKey && from is { } f && to is { } t && f < t ? Custom(f, t)
        : Presets.FirstOrDefault(p => p.Key == key) ?? Default;

    public (DateTimeOffset From, DateTimeOffset To) Resolve(DateTimeOffset now) =>
        IsCustom ? (FixedFrom!.Value, FixedTo!.Value) : (now - Span, now);

    /// <summary>A round bucket size that keeps a series near <see cref="TargetPointsPerSeries"/> points (never above ~1,000).</summary>
    public TimeSpan Step => NiceSteps.FirstOrDefault(s => s.Ticks * TargetPointsPerSeries >= Span.Ticks, NiceSteps[^1]);
}
