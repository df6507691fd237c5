using System.Text.Json.Serialization;

namespace MonitorDashboard.Alarms;

/// <summary>
/// OK -> Pending (breached, waiting out "for") -> Firing -> OK (resolved); declared from best to worst, so the worst of
/// several is their <c>Max()</c>. The lower-case names are the wire spelling (API JSON); code compares the enum, never strings.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmStatus>))]
public enum AlarmStatus
{
    [JsonStringEnumMemberName("ok")] Ok,
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("firing")] Firing,
}
