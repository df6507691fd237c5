namespace MonitorDashboard.Review;

public sealed record ClaimRequest(string? Model, string? Policy);
