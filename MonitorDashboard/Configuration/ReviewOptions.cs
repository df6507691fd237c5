using System.ComponentModel.DataAnnotations;
using MonitorDashboard.Review;
using MonitorDashboard.Review.Privacy;

namespace MonitorDashboard.Configuration;

/// <summary>The shadow-mode review queue (section <c>Review</c>).</summary>
public sealed class ReviewOptions : ISectionOptions, IValidatableObject
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

    /// <summary>Days an unlabelled prediction (its input and outputs hold user data) is kept before retention deletes it.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Days a labelled prediction is kept; 0 keeps labelled items for export until deleted by hand or erasure.</summary>
    [Range(0, 3650)]
    public int LabelledRetentionDays { get; set; }

    /// <summary>Redaction, retention and the user-id path for models without an entry in <see cref="Privacy"/>.</summary>
    public PayloadPrivacyOptions DefaultPrivacy { get; set; } = new() { RedactPatterns = ["email"] };

    /// <summary>Per model, e.g. <c>Review:Privacy:voice-search:UserIdPath=user.id</c>.</summary>
    public Dictionary<string, PayloadPrivacyOptions> Privacy { get; set; } = [];

    public PayloadPrivacyOptions PrivacyFor(string model) => Privacy.GetValueOrDefault(model) ?? DefaultPrivacy;

    public int RetentionDaysFor(string model) => PrivacyFor(model).RetentionDays ?? RetentionDays;

    public int LabelledRetentionDaysFor(string model) => PrivacyFor(model).LabelledRetentionDays ?? LabelledRetentionDays;

    /// <summary>A bad redaction pattern stops the start, naming it, rather than storing what it should have masked.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (model, privacy) in Privacy.Append(new("default", DefaultPrivacy)))
        {
            foreach (var pattern in privacy.RedactPatterns)
            {
                string? error = null;
                try
                {
                    PayloadRedactor.PatternFor(pattern);
                }
                catch (ArgumentException ex)
                {
                    error = ex.Message;
                }
                if (error is not null)
                {
                    yield return new ValidationResult($"Redaction pattern '{pattern}' of {model} is not a valid regular expression: {error}", [nameof(Privacy)]);
                }
            }
        }
    }
}
