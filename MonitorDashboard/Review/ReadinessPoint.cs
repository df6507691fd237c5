namespace MonitorDashboard.Review;

/// <summary>
/// If the shadow model decided alone whenever its confidence is at least <see cref="Threshold"/>: the share of traffic
/// it would take, and its estimated accuracy there with a 95% (Wilson) interval over <see cref="Evidence"/> judged cases.
/// </summary>
public sealed record ReadinessPoint(double Threshold, double TrafficShare, double? Accuracy, double? Lower, double? Upper, int Evidence);
