namespace MonitorDashboard.Review;

/// <summary>
/// If the shadow model decided alone whenever its confidence is at least <see cref="Threshold"/>: the share of traffic
/// it would take, and its estimated accuracy there with a 95% (Wilson) interval over <see cref="Evidence"/> judged cases.
/// <see cref="WorstCase"/> counts the <see cref="Unlabelled"/> disagreements as wrong: disagreements are exactly where the
/// shadow may be wrong, so until they are labelled only this bound (and its Wilson <see cref="WorstCaseLower"/>) is safe.
/// </summary>
public sealed record ReadinessPoint(double Threshold, double TrafficShare, double? Accuracy, double? Lower, double? Upper, int Evidence)
{
    public int Unlabelled { get; init; }

    public double? WorstCase { get; init; }

    public double? WorstCaseLower { get; init; }
}
