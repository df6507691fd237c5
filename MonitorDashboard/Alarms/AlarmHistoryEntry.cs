using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

public sealed record AlarmHistoryEntry(DateTimeOffset At, SeriesInfo? Series, string From, string To, double? Value);
