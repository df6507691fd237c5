namespace MonitorDashboard.Review;

/// <summary>A queued prediction as the reviewer sees it (JSON kept as text; the page renders it readably).</summary>
public sealed record ReviewItem(
    long Id, string ClientId, string Model, string? Stage, DateTimeOffset Ts, string Input,
    string ProductionOutput, string ProductionSource, string? ProductionVersion,
    string ShadowOutput, string ShadowVersion, double? ShadowConfidence, bool Agrees,
    DateTimeOffset? LeaseExpires, string? Verdict, string? CorrectedOutput, string? Note);
