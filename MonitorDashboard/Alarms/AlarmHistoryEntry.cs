using MonitorDashboard.Storage;

namespace MonitorDashboard.Alarms;

public sealed record AlarmHistoryEntry(DateTimeOffset At, SeriesInfo? Series, AlarmStatus From, AlarmStatus To, double? Value);
