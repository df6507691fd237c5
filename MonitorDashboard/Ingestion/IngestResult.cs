namespace MonitorDashboard.Ingestion;

/// <summary>
/// What a committed request stored: new events and those skipped because their id was already stored; and events
/// refused because their series would cross a cardinality limit (never stored), the first few named by path.
/// </summary>
public sealed record IngestResult(int Accepted, int Duplicates, int Refused = 0, IReadOnlyDictionary<string, string[]>? Refusals = null);
