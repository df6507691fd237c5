namespace MonitorDashboard.Review.Privacy;

/// <summary><c>POST /api/v1/predictions/erase</c>: the user whose predictions go, optionally of one model only.</summary>
public sealed record ErasureRequest(string? UserId, string? Model);
