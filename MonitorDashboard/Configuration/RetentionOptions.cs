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

    /// <summary>
    /// Client event ids are remembered at most this long for de-duplication, and within the last <see cref="EventIdWindow"/>
    /// ids: a retry older than either may store twice.
    /// </summary>
    [Range(1, 3650)]
    public int EventIdsDays { get; set; } = 7;

    /// <summary>
    /// De-duplication also remembers at most the last this many event ids (a retry of an id older than that stores
    /// twice), at least this many, and at most twice: the writer keeps their 16-byte hashes in memory, about 43 bytes
    /// per id of window (86 MB at the default), so the check costs the same whatever the ids look like.
    /// </summary>
    [Range(1_000, 50_000_000)]
    public int EventIdWindow { get; set; } = 2_000_000;

    /// <summary>Seconds between two pruning passes.</summary>
    [Range(1, 86_400)]
    public int PruneIntervalSeconds { get; set; } = 300;

    /// <summary>Rows deleted per transaction: small, so the ingestion writer never waits long for the write lock.</summary>
    [Range(100, 1_000_000)]
    public int RowsPerStep { get; set; } = 2_000;
}
