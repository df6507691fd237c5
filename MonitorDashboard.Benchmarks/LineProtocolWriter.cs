using System.Globalization;
using System.Text;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// The events of <see cref="EventBodyWriter"/> in InfluxDB line protocol: the five identity fields as tags, the value
/// and (optionally) the event id as fields. Timestamps are in nanoseconds, offset by the sequence number, because
/// InfluxDB keeps one point per series and timestamp: equal millisecond stamps would overwrite each other.
/// </summary>
public static class LineProtocolWriter
{
    private static readonly string[] Prefixes = Enumerable.Range(0, EventBodyWriter.SeriesCount)
        .Select(i => $"events,kind=software,model=bench,name=metric_{i},stage=recognizer,version=v1 ")
        .ToArray();

    public static byte[] Write(int count, long firstSequence, string? idPrefix, DateTimeOffset timestamp, EventIdShape shape = EventIdShape.InOrder)
    {
        var text = new StringBuilder(count * 120);
        var baseNanoseconds = timestamp.ToUnixTimeMilliseconds() * 1_000_000;
        for (var i = 0; i < count; i++)
        {
            var sequence = firstSequence + i;
            text.Append(Prefixes[sequence % EventBodyWriter.SeriesCount])
                .Append("value=").Append(EventBodyWriter.ValueOf(sequence).ToString("R", CultureInfo.InvariantCulture));
            if (idPrefix is not null)
            {
                text.Append(",id=\"").Append(EventBodyWriter.IdOf(idPrefix, sequence, shape)).Append('"');
            }
            text.Append(' ').Append(baseNanoseconds + (sequence % 1_000_000)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
