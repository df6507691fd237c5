using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Live;

namespace MonitorDashboard.Components;

/// <summary>
/// The viewer's time zone (read from the browser once the circuit is interactive), so every page shows
/// local times and says which zone they are in. Until it is known, times are shown in UTC.
/// </summary>
public sealed class BrowserTime(IOptions<LiveOptions> options, TimeProvider time, ILogger<BrowserTime> logger)
{
    private readonly ChangeFeed<TimeZoneInfo> _changes = new(TimeSpan.FromMilliseconds(options.Value.PageFlushIntervalMilliseconds), time, logger);

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public int SubscriberCount => _changes.SubscriberCount;

    /// <summary>Tells <paramref name="onChange"/> when the zone becomes known or changes (through the same delivery as live points).</summary>
    public IDisposable Subscribe(Func<Task> onChange, SubscriberContext context) => _changes.Subscribe(_ => true, onChange, context);

    public void SetZone(string ianaName)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(ianaName, out var zone) && zone.Id != Zone.Id)
        {
            Zone = zone;
            _changes.Notify(zone);
        }
    }

    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    public string Format(DateTimeOffset? time) => time is { } t ? ToLocal(t).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
