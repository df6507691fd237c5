using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Limits of the ingestion path (section <c>Ingest</c>).</summary>
public sealed class IngestOptions : ISectionOptions
{
    public static string Section => "Ingest";

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most events in one request.</summary>
    [Range(1, 100_000)]
    public int MaxEventsPerRequest { get; set; } = 10_000;

    /// <summary>Events waiting for the writer; past this, requests get 503 with Retry-After so memory stays bounded.</summary>
    [Range(1, 10_000_000)]
    public int MaxQueuedEvents { get; set; } = 200_000;

    /// <summary>Upper bound of events committed in one transaction (a request is never split).</summary>
    [Range(1, 1_000_000)]
    public int MaxEventsPerCommit { get; set; } = 20_000;

    /// <summary>How far in the future a timestamp may lie (clock skew of clients).</summary>
    [Range(0, 3600)]
    public int MaxFutureSkewSeconds { get; set; } = 300;

    /// <summary>Seconds a client is told to wait (Retry-After) when the queue is full or storage is down.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;
}
