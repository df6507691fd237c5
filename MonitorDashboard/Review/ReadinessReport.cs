namespace MonitorDashboard.Review;

public sealed record ReadinessReport(IReadOnlyList<ReadinessPoint> Points, AutomationDegree Recommended, double? RecommendedThreshold, string Reason);
