namespace MonitorDashboard.Storage.Review;

/// <summary>
/// One shadow-mode prediction: what production decided, what the shadow model said, whether they agree, and, when it
/// is in the review queue, its lease and the reviewer's label. One row per item keeps claiming a single atomic UPDATE.
/// </summary>
public sealed class PredictionRow
{
    public long Id { get; set; }
    public required string ClientId { get; set; }
    public required string Model { get; set; }
    public string? Stage { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public required string InputJson { get; set; }
    public required string ProductionJson { get; set; }
    public required string ProductionSource { get; set; }
    public string? ProductionVersion { get; set; }
    public required string ShadowJson { get; set; }
    public required string ShadowVersion { get; set; }
    public double? ShadowConfidence { get; set; }
    public bool Agrees { get; set; }
    public bool InQueue { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpires { get; set; }
    public DateTimeOffset? SkippedUntil { get; set; }
    public string? Verdict { get; set; }
    public string? CorrectedJson { get; set; }
    public string? Note { get; set; }
    public string? LabelledBy { get; set; }
    public DateTimeOffset? Labelled { get; set; }
}
