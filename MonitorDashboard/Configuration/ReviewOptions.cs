using System.ComponentModel.DataAnnotations;
using MonitorDashboard.Review;

namespace MonitorDashboard.Configuration;

/// <summary>The shadow-mode review queue (section <c>Review</c>).</summary>
public sealed class ReviewOptions : ISectionOptions
{
    public static string Section => "Review";

    /// <summary>How long a claimed item stays with its reviewer; the labeling page renews it while open.</summary>
    [Range(1, 24 * 60)]
    public int LeaseMinutes { get; set; } = 10;

    /// <summary>Share of agreements also put in the queue, to audit that agreeing outputs are right.</summary>
    [Range(0.0, 1.0)]
    public double AgreementSampleRate { get; set; } = 0.01;

    public ComparisonOptions DefaultComparison { get; set; } = new();

    /// <summary>Per-model comparison, e.g. <c>Review:Comparisons:asr:Mode=Text</c>.</summary>
    public Dictionary<string, ComparisonOptions> Comparisons { get; set; } = [];

    public ComparisonOptions ComparisonFor(string model) => Comparisons.GetValueOrDefault(model) ?? DefaultComparison;
}
