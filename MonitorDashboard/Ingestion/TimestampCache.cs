using System.Text.Json;

namespace MonitorDashboard.Ingestion;

/// <summary>The previous event's accepted timestamp text and its value, so a batch stamped with one time parses it once.</summary>
internal sealed class TimestampCache
{
    private string? _text;
    private long _milliseconds;

    public long? Repeated(JsonElement value) =>
        _text is not null && value.ValueKind == JsonValueKind.String && value.ValueEquals(_text) ? _milliseconds : null;

    public void Accept(string text, long milliseconds) => (_text, _milliseconds) = (text, milliseconds);
}
