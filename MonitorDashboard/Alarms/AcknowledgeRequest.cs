namespace MonitorDashboard.Alarms;

public sealed record AcknowledgeRequest(long SeriesId, string? Comment);
