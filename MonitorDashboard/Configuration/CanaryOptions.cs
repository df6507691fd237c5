using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Canary analysis (section <c>Canary</c>).</summary>
public sealed class CanaryOptions : ISectionOptions
{
    public static string Section => "Canary";

    /// <summary>Seconds between two analyses of every active deployment (and between two <c>canary_verdict</c> points).</summary>
    [Range(1, 3600)]
    public int EvaluationSeconds { get; set; } = 30;

    /// <summary>Family-wise false-alarm rate of one canary over its whole life, however often it is looked at.</summary>
    [Range(0.001, 0.2)]
    public double Alpha { get; set; } = 0.05;

    /// <summary>Values per side and metric beyond which an evenly spaced subsample is judged.</summary>
    [Range(100, 1_000_000)]
    public int MaxValuesPerSide { get; set; } = 20_000;

    /// <summary>Fewer values per side than this: the metric has no verdict yet ("not enough data").</summary>
    [Range(3, 100_000)]
    public int MinSamplesPerSide { get; set; } = 30;
}
