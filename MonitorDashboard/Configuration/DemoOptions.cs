using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>The built-in traffic simulator (section <c>Demo</c>).</summary>
public sealed class DemoOptions : ISectionOptions
{
    public static string Section => "Demo";

    /// <summary>Feed a simulated vad -> asr pipeline into the real ingestion path.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Simulated requests per second per pipeline stage at the daily peak.</summary>
    [Range(1, 10_000)]
    public int PeakRequestsPerSecond { get; set; } = 20;

    /// <summary>Fraction of traffic served by the candidate version v2 (canary share).</summary>
    [Range(0.0, 1.0)]
    public double CandidateShare { get; set; } = 0.1;

    /// <summary>Random seed, for reproducible demo traffic; 0 picks one per start.</summary>
    public int Seed { get; set; }
}
