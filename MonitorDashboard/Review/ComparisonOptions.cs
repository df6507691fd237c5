namespace MonitorDashboard.Review;

/// <summary>One model's comparison settings (section <c>Review:Comparison:Models:{model}</c>, else <c>Review:Comparison:Default</c>).</summary>
public sealed class ComparisonOptions
{
    public ComparisonMode Mode { get; set; } = ComparisonMode.Exact;

    /// <summary>Dot path into the output for <see cref="ComparisonMode.Field"/> (also narrows numeric and text modes).</summary>
    public string? FieldPath { get; set; }

    /// <summary>Largest absolute difference that still agrees in <see cref="ComparisonMode.Numeric"/>.</summary>
    public double Tolerance { get; set; }

    /// <summary>For <see cref="ComparisonMode.Text"/>: agree when the word error rate is at most this (null: normalised text must be equal).</summary>
    public double? MaxWordErrorRate { get; set; }
}
