using MonitorDashboard.Storage;

namespace MonitorDashboard.Drift;

/// <summary>One drift comparison: which values (a series filter), the current window and the reference.</summary>
public sealed record DriftQuery(
    SeriesSelector Series,
    DateTimeOffset From,
    DateTimeOffset To,
    DriftReference Reference,
    DateTimeOffset? PinnedFrom = null,
    DateTimeOffset? PinnedTo = null)
{
    /// <summary>The reference window this query compares with.</summary>
    public (DateTimeOffset From, DateTimeOffset To) ReferenceWindow(TimeSpan preceding) => Reference switch
    {
        DriftReference.PreviousDay => (From.AddDays(-1), To.AddDays(-1)),
        DriftReference.PreviousWeek => (From.AddDays(-7), To.AddDays(-7)),
        DriftReference.Pinned => (PinnedFrom ?? From, PinnedTo ?? To),
        _ => (From - preceding, From),
    };
}
