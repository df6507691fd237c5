using System.Text.Json;

namespace MonitorDashboard.Review;

/// <summary>A verdict: production, shadow, both_wrong (with the corrected output) or skip; and a note.</summary>
public sealed record LabelRequest(string? Verdict, JsonElement? CorrectedOutput, string? Note);
