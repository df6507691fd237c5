namespace MonitorDashboard.Live;

/// <summary>A committed point as live viewers receive it (the hub's <c>Points</c> message carries arrays of these).</summary>
public sealed record LivePoint(string Model, string Version, string Stage, string Kind, string Name, DateTimeOffset Ts, double Value);
