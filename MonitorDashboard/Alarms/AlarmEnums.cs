namespace MonitorDashboard.Alarms;

/// <summary>How the points of a series within the window become the one value compared with the threshold.</summary>
public enum AlarmAggregation { Avg, Min, Max, Sum, Count, Rate, P50, P95, P99, Last }

public enum AlarmComparator { GreaterThan, GreaterOrEqual, LessThan, LessOrEqual }

/// <summary>What a series without points in the window means.</summary>
public enum NoDataPolicy { Ok, Alerting, KeepLast }

public enum AlarmSeverity { Info, Warning, Critical }
