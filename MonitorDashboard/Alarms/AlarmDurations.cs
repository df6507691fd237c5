using MonitorDashboard.Query;

namespace MonitorDashboard.Alarms;

public static class AlarmDurations
{
    public static string Format(TimeSpan span) =>
        span.TotalSeconds < 60 || span.TotalSeconds % 60 != 0 ? $"{span.TotalSeconds:0}s"
        : span.TotalMinutes < 60 || span.TotalMinutes % 60 != 0 ? $"{span.TotalMinutes:0}m"
        : $"{span.TotalHours:0}h";

    public static bool TryParse(string? text, out TimeSpan span) =>
        DurationText.TryParse(text, out span) || (text == "0" && (span = TimeSpan.Zero) == TimeSpan.Zero);
}
