namespace MonitorDashboard.Drift;

/// <summary>What a window is compared with.</summary>
public enum DriftReference
{
    /// <summary>The <c>Drift:ReferenceMinutes</c> right before the window (works from the first hour of data on).</summary>
    Preceding,
    /// <summary>The same window one day earlier.</summary>
    PreviousDay,
    /// <summary>The same window one week earlier (needs raw retention of more than 7 days).</summary>
    PreviousWeek,
    /// <summary>A fixed period a lead chose (<c>referenceFrom</c>, <c>referenceTo</c>).</summary>
    Pinned,
}
