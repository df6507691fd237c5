using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Fan-out of committed points to live viewers (section <c>Live</c>).</summary>
public sealed class LiveOptions : ISectionOptions
{
    public static string Section => "Live";

    /// <summary>Shortest time between two deliveries to one subscriber; later points are coalesced.</summary>
    [Range(10, 10_000)]
    public int FlushIntervalMilliseconds { get; set; } = 250;

    /// <summary>Points buffered per subscriber; when a slow subscriber falls behind the oldest are dropped and counted.</summary>
    [Range(100, 10_000_000)]
    public int MaxBufferedPointsPerSubscriber { get; set; } = 50_000;
}
