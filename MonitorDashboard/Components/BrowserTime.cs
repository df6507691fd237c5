namespace MonitorDashboard.Components;

/// <summary>
/// The viewer's time zone (read from the browser once the circuit is interactive), so every page shows
/// local times and says which zone they are in. Until it is known, times are shown in UTC.
/// </summary>
public sealed class BrowserTime
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public event Action? Changed;

    public void SetZone(string ianaName)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(ianaName, out var zone))
        {
            Zone = zone;
            Changed?.Invoke();
        }
    }

    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    public string Format(DateTimeOffset? time) => time is { } t ? ToLocal(t).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
