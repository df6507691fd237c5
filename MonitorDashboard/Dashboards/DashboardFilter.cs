using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace MonitorDashboard.Dashboards;

/// <summary>What a metric page shows; kept in the URL query so a view can be shared.</summary>
public sealed record DashboardFilter(string? Model, string? Stage, IReadOnlyList<string> Versions, TimeRange Range, bool Live)
{
    public static readonly DashboardFilter Empty = new(null, null, [], TimeRange.Default, true);

    public static DashboardFilter FromQuery(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        DateTimeOffset? Time(string key) =>
            DateTimeOffset.TryParse(Get(key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

        var range = TimeRange.Parse(Get("range"), Time("from"), Time("to"));
        var versions = Get("versions")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        // a fixed custom window cannot be live
        var live = !range.IsCustom && Get("live") != "false";
        return new DashboardFilter(Get("model"), Get("stage"), versions, range, live);
    }

    public string ToQuery()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (Model is not null) parts.Add(new("model", Model));
        if (Stage is not null) parts.Add(new("stage", Stage));
        if (Versions.Count > 0) parts.Add(new("versions", string.Join(',', Versions)));
        parts.Add(new("range", Range.Key));
        if (Range.IsCustom)
        {
            parts.Add(new("from", Range.FixedFrom!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
            parts.Add(new("to", Range.FixedTo!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }
        if (!Live && !Range.IsCustom) parts.Add(new("live", "false"));
        return QueryString.Create(parts).ToUriComponent();
    }
}
