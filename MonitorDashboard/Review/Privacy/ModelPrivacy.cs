namespace MonitorDashboard.Review.Privacy;

/// <summary>The privacy settings in force for one model's predictions, as the admin page lists them.</summary>
public sealed record ModelPrivacy(
    string Model, int RetentionDays, int LabelledRetentionDays, IReadOnlyList<string> RedactPaths, IReadOnlyList<string> RedactPatterns, string? UserIdPath);
