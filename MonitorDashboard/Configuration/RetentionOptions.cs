using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>How long stored data is kept (section <c>Retention</c>).</summary>
public sealed class RetentionOptions : ISectionOptions
{
    public static string Section => "Retention";

    /// <summary>Raw points older than this are deleted.</summary>
    [Range(1, 3650)]
    public int RawPointsDays { get; set; } = 7;

    /// <summary>1-minute rollups (the week-to-month charts) older than this are deleted.</summary>
    [Range(1, 3650)]
    public int MinuteRollupDays { get; set; } = 30;

    /// <summary>1-hour rollups (the charts beyond a month) older than this are deleted.</summary>
    [Range(1, 36500)]
    public int HourRollupDays { get; set; } = 365;

    /// <summary>Client event ids are remembered this long for de-duplication (a retry older than this stores twice).</summary>
    [Range(1, 3650)]
    public int EventIdsDays { get; set; } = 7;

    /// <summary>Seconds between two pruning passes.</summary>
    [Range(1, 86_400)]
    public int PruneIntervalSeconds { get; set; } = 300;

    /// <summary>Rows deleted per transaction: small, so the ingestion writer never waits long for the write lock.</summary>
    [Range(100, 1_000_000)]
    public int RowsPerStep { get; set; } = 2_000;
}
