using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitorDashboard.Query;

/// <summary>Durations as people type them in URLs: <c>500ms</c>, <c>10s</c>, <c>5m</c>, <c>1h</c>, <c>7d</c>, or plain seconds.</summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^(\d{1,9})(ms|s|m|h|d)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }
        var amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        duration = match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
        return duration > TimeSpan.Zero;
    }
}
