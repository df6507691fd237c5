using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Alarm evaluation (section <c>Alarms</c>).</summary>
public sealed class AlarmOptions : ISectionOptions
{
    public static string Section => "Alarms";

    /// <summary>Seconds between two evaluations of every enabled rule.</summary>
    [Range(1, 3600)]
    public int EvaluationSeconds { get; set; } = 10;

    /// <summary>Base address used in webhook payload links to the alarm page.</summary>
    public string? PublicBaseUrl { get; set; }
}
