using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Which database, and where and how it is kept (section <c>Storage</c>; checked by <see cref="StorageOptionsValidator"/>).</summary>
public sealed class StorageOptions : ISectionOptions
{
    public static string Section => "Storage";

    /// <summary>The connection string's name under <c>ConnectionStrings</c> when <see cref="Provider"/> is Postgres.</summary>
    public const string PostgresConnectionName = "Postgres";

    /// <summary>SQLite (one instance, a file) or PostgreSQL (<c>ConnectionStrings:Postgres</c>, shared by several instances).</summary>
    [EnumDataType(typeof(StorageProvider), ErrorMessage = "Storage:Provider must be Sqlite or Postgres.")]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Database file. A relative path resolves against the repository root when run from source, else the content root.</summary>
    [Required]
    public string Path { get; set; } = "data/monitor.db";

    /// <summary>SQLite <c>synchronous</c> pragma: FULL makes every acknowledged commit survive power loss, NORMAL only a process crash.</summary>
    [EnumDataType(typeof(SqliteSynchronous), ErrorMessage = "Storage:Synchronous must be FULL, NORMAL or EXTRA.")]
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>
    /// How often the writer saves the 1-minute and 1-hour rollups of what it stored. 0 saves them with every commit
    /// (more writes per event). Long-range charts read the newest seconds raw; a point arriving late for an older bucket
    /// shows in them within about twice this long.
    /// </summary>
    [Range(0, 60_000)]
    public int RollupFlushIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>
    /// How long the ingestion writer waits for the database's write lock (held briefly by retention, or by another
    /// program such as a backup) before it gives up and answers 503 with Retry-After.
    /// </summary>
    [Range(1, 600)]
    public int WriterLockTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Series ids the writer keeps in memory (key -> id, about 200 bytes each). Past it the least recently written are
    /// forgotten and read back from the Series table when they send again; the writer's memory stays bounded whatever
    /// clients send.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxCachedSeriesIds { get; set; } = 100_000;

    /// <summary>
    /// Series whose newest rollup buckets the writer keeps in memory. Past it, after a save, the saved buckets are
    /// dropped and read back on the series' next point.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxRollupSeries { get; set; } = 50_000;
}
