using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Where and how the SQLite database is kept (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Database file. A relative path resolves against the repository root when run from source, else the content root.</summary>
    [Required]
    public string Path { get; set; } = "data/monitor.db";

    /// <summary>SQLite <c>synchronous</c> pragma: FULL makes every acknowledged commit survive power loss, NORMAL only a process crash.</summary>
    [RegularExpression("^(FULL|NORMAL|EXTRA)$", ErrorMessage = "Storage:Synchronous must be FULL, NORMAL or EXTRA.")]
    public string Synchronous { get; set; } = "FULL";
}
