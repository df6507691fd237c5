using System.Buffers;
using System.Text.Json;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Request bodies as a client would send them: one model and stage, <see cref="SeriesCount"/> metric names,
/// an RFC 3339 timestamp on every event and, optionally, a unique event id (the app's idempotent path).
/// </summary>
public static class EventBodyWriter
{
    public const int SeriesCount = 32;

    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Ts = JsonEncodedText.Encode("ts");
    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Stage = JsonEncodedText.Encode("stage");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText[] Names =
        Enumerable.Range(0, SeriesCount).Select(i => JsonEncodedText.Encode($"metric_{i}")).ToArray();

    /// <summary>
    /// Events numbered from <paramref name="firstSequence"/>; ids, when wanted, are <c>prefix-sequence</c>, or random UUIDv4 with <see cref="EventIdShape.RandomUuid"/>.
    /// With <paramref name="sequenceAsValue"/> each value is its sequence number, so a live subscriber can tell which event a point is.
    /// </summary>
    public static byte[] Write(int count, long firstSequence, string? idPrefix, DateTimeOffset timestamp, bool sequenceAsValue = false,
        EventIdShape shape = EventIdShape.InOrder)
    {
        var buffer = new ArrayBufferWriter<byte>(count * 170);
        var ts = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                var sequence = firstSequence + i;
                json.WriteStartObject();
                if (idPrefix is not null)
                {
                    json.WriteString(Id, IdOf(idPrefix, sequence, shape));
                }
                json.WriteString(Ts, ts);
                json.WriteString(Model, "bench");
                json.WriteString(Version, "v1");
                json.WriteString(Stage, "recognizer");
                json.WriteString(Kind, "software");
                json.WriteString(Name, Names[sequence % SeriesCount]);
                json.WriteNumber(Value, sequenceAsValue ? sequence : ValueOf(sequence));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string IdOf(string prefix, long sequence, EventIdShape shape) =>
        shape == EventIdShape.RandomUuid ? Guid.NewGuid().ToString() : $"{prefix}-{sequence}";

    /// <summary>The value of event <paramref name="sequence"/> (shared with the peer's writer, so both store the same numbers).</summary>
    public static double ValueOf(long sequence) => (sequence % 1000) * 0.37;
}
