namespace MonitorDashboard.Review;

/// <summary>A labelled item for export: the item with who labelled it and when.</summary>
public sealed record LabelledItem(ReviewItem Item, string? LabelledBy, DateTimeOffset? LabelledAt);
