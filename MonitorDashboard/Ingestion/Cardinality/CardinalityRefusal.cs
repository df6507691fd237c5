namespace MonitorDashboard.Ingestion.Cardinality;

/// <summary>Refused events of one model for one reason: a series limit, or the tag key whose values ran out.</summary>
public sealed record CardinalityRefusal(string Model, string Limit, string? TagKey, long Events);
