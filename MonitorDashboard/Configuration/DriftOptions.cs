using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Drift monitoring (section <c>Drift</c>): which series are watched and how the score is computed.</summary>
public sealed class DriftOptions : ISectionOptions
{
    public static string Section => "Drift";

    /// <summary>Turns the background drift monitor (and its <c>drift_*</c> metrics) on or off; the API and page work either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between two drift evaluations of every watched series.</summary>
    [Range(1, 3600)]
    public int EvaluationSeconds { get; set; } = 60;

    /// <summary>The current window the monitor compares: the last this many minutes.</summary>
    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 5;

    /// <summary>The monitor's reference: this many minutes right before the current window.</summary>
    [Range(1, 10080)]
    public int ReferenceMinutes { get; set; } = 60;

    /// <summary>Metric families the monitor watches (software, input, output).</summary>
    public string[] Kinds { get; set; } = ["input"];

    /// <summary>False-alarm rate of one drift decision (two-sample Kolmogorov-Smirnov test).</summary>
    [Range(0.0001, 0.2)]
    public double Alpha { get; set; } = 0.01;

    /// <summary>Values per window beyond which an evenly spaced subsample is tested (bounds CPU and memory).</summary>
    [Range(100, 1_000_000)]
    public int MaxValuesPerWindow { get; set; } = 20_000;

    /// <summary>Fewer values than this on either side: no verdict ("not enough data").</summary>
    [Range(5, 100_000)]
    public int MinSamples { get; set; } = 20;
}
