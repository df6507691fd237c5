namespace MonitorDashboard.Review;

/// <summary>How production and shadow outputs are compared to decide whether they agree.</summary>
public enum ComparisonMode
{
    /// <summary>Canonical JSON equal (key order and whitespace ignored).</summary>
    Exact,
    /// <summary>Only the value at <see cref="ComparisonOptions.FieldPath"/> (e.g. "label") must be equal.</summary>
    Field,
    /// <summary>Numbers within <see cref="ComparisonOptions.Tolerance"/>.</summary>
    Numeric,
    /// <summary>Text equal after case, space and punctuation normalisation, or within a maximum word error rate.</summary>
    Text,
}
