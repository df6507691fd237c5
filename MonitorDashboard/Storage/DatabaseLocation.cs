namespace MonitorDashboard.Storage;

/// <summary>The resolved full path of the database file (shown on the status page and used at start-up).</summary>
public sealed record DatabaseLocation(string FullPath);
