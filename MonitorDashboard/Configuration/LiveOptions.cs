using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Fan-out of committed points to live viewers (section <c>Live</c>).</summary>
public sealed class LiveOptions : ISectionOptions
{
    public static string Section => "Live";

    /// <summary>
    /// Shortest time between two deliveries to one page (charts, tables, alarm and time-zone changes): a page redraws
    /// at most twice a second however fast points arrive. An idle page is told at once (the throttle is leading-edge).
    /// </summary>
    [Range(10, 10_000)]
    public int PageFlushIntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// Shortest time between two deliveries to one external SignalR client (the <c>/hubs/live</c> hub): short, so a
    /// point reaches a client within about this time after its 202 even at 10,000 events/s.
    /// </summary>
    [Range(10, 10_000)]
    public int ClientFlushIntervalMilliseconds { get; set; } = 50;

    /// <summary>
    /// <c>Redis</c> joins several instances (live points, the hub, Data Protection keys, revocations) through the server
    /// in <c>ConnectionStrings:Redis</c>; <c>None</c> (the default) keeps one instance on its own.
    /// </summary>
    public LiveBackplane Backplane { get; set; } = LiveBackplane.None;

    /// <summary>Points buffered per subscriber; when a slow subscriber falls behind the oldest are dropped and counted.</summary>
    [Range(100, 10_000_000)]
    public int MaxBufferedPointsPerSubscriber { get; set; } = 50_000;
}
