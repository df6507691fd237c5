namespace MonitorDashboard.Review;

public enum LabelOutcome
{
    Labelled,
    NotFound,
    /// <summary>The caller does not hold a valid lease on the item (expired, never claimed, or someone else's).</summary>
    LeaseNotHeld,
    AlreadyLabelled,
}
