namespace MonitorDashboard.Review;

/// <summary>Which item a reviewer gets next.</summary>
public enum QueuePolicy
{
    /// <summary>The shadow model was surest and still disagreed: the most dangerous cases first.</summary>
    HighestConfidence,
    OldestFirst,
    NewestFirst,
}
