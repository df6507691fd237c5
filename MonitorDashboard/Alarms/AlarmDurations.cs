using MonitorDashboard.Query;

namespace MonitorDashboard.Alarms;

public static class AlarmDurations
{
    public static string Format(TimeSpan span) =>
        span.TotalSeconds < 60 || span.TotalSeconds % 60 != 0 ? $"{span.TotalSeconds:0}s"
        : span.TotalMinutes < 60 || span.TotalMinutes % 60 != 0 ? $"{span.TotalMinutes:0}m"
        : $"{span.TotalHours:0}h";

    /// <summary>Like <see cref="DurationText"/>, but zero ("0", "0s") is allowed: a rule may fire without pending.</summary>
    public static bool TryParse(string? text, out TimeSpan span)
    {
        if (text is not null && text.TrimStart('0') is "" or "s" or "ms" or "m" or "h" or "d" && text.StartsWith('0'))
        {
            span = TimeSpan.Zero;
            return true;
        }
        return DurationText.TryParse(text, out span);
    }
}
