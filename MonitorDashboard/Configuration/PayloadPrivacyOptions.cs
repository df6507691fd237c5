namespace MonitorDashboard.Configuration;

/// <summary>
/// What happens to one model's prediction payloads (the inputs and outputs the review queue shows), under
/// <c>Review:DefaultPrivacy</c> or <c>Review:Privacy:&lt;model&gt;</c>.
/// </summary>
public sealed class PayloadPrivacyOptions
{
    /// <summary>Days an unlabelled prediction is kept (null: <see cref="ReviewOptions.RetentionDays"/>).</summary>
    public int? RetentionDays { get; set; }

    /// <summary>Days a labelled prediction is kept (null: <see cref="ReviewOptions.LabelledRetentionDays"/>; 0 keeps it for export).</summary>
    public int? LabelledRetentionDays { get; set; }

    /// <summary>Dot paths (e.g. <c>user.email</c>) masked in the input and both outputs before they are stored.</summary>
    public string[] RedactPaths { get; set; } = [];

    /// <summary>
    /// <c>email</c>, <c>phone</c> or a regular expression: matches inside any text value are masked before storage.
    /// Arrays, not lists: configuration replaces a default array instead of appending to it.
    /// </summary>
    public string[] RedactPatterns { get; set; } = [];

    /// <summary>Dot path of the user identifier in the input (e.g. <c>user.id</c>): what erasure looks for; never redacted.</summary>
    public string? UserIdPath { get; set; }
}
