namespace MonitorDashboard.Review.Privacy;

/// <summary>How many predictions erasure deleted.</summary>
public sealed record ErasureResult(long Deleted);
