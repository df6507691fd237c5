namespace MonitorDashboard.Ingestion.Receivers;

/// <param name="RetryAfter">How long the sender should wait (rate limited or unavailable).</param>
/// <param name="Message">Why nothing was stored, in words for the sender.</param>
public sealed record WriteOutcome(WriteStatus Status, TimeSpan RetryAfter = default, string? Message = null);
