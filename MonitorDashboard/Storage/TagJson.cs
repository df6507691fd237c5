using System.Text.Json;

namespace MonitorDashboard.Storage;

/// <summary>Canonical JSON for a tag set, so the same tags always name the same series.</summary>
public static class TagJson
{
    public const string Empty = "{}";

    public static string Serialize(IReadOnlyList<KeyValuePair<string, string>> sortedTags)
    {
        if (sortedTags.Count == 0)
        {
            return Empty;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in sortedTags)
            {
                writer.WriteString(key, value);
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyDictionary<string, string> Deserialize(string json) =>
        json == Empty ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
