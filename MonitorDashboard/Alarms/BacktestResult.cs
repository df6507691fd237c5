namespace MonitorDashboard.Alarms;

/// <summary>How a rule would have behaved: how often it would have fired and for how long, and when.</summary>
public sealed record BacktestResult(int Firings, TimeSpan FiringTime, int SeriesCount, TimeSpan Step, IReadOnlyList<BacktestPeriod> Periods);

/// <summary>One would-be firing of one series (<see cref="To"/> null: still firing at the end).</summary>
public sealed record BacktestPeriod(string Series, DateTimeOffset From, DateTimeOffset? To);
