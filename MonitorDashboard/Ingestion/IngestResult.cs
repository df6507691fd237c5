namespace MonitorDashboard.Ingestion;

/// <summary>What a committed request stored: new events and those skipped because their id was already stored.</summary>
public sealed record IngestResult(int Accepted, int Duplicates);
