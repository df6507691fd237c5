using MonitorDashboard.Review;

namespace MonitorDashboard.Dashboards;

/// <summary>What the labelling page shows: the item the reviewer holds (null: queue empty) and the queue's counts.</summary>
public sealed record ReviewDesk(ReviewItem? Item, ReviewStats Stats);
