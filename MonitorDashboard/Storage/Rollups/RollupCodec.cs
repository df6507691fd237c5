using System.Buffers;
using System.Buffers.Binary;

namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// A rollup's statistics and sketch in one blob: version, count, sum, min, max, newest value, the newest value's
/// offset in the bucket, then the sketch. One column instead of seven: a week's chart reads ten thousand rows per
/// series, and every column read is a native call.
/// </summary>
public static class RollupCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Encode(RollupAggregate aggregate, long bucketMs)
    {
        var sketch = aggregate.Sketch.ToBytes();
        var buffer = new ArrayBufferWriter<byte>(48 + sketch.Length);
        buffer.Write([FormatVersion]);
        Varint.Write(buffer, (ulong)aggregate.Count);
        WriteDouble(buffer, aggregate.Sum);
        WriteDouble(buffer, aggregate.Min);
        WriteDouble(buffer, aggregate.Max);
        WriteDouble(buffer, aggregate.Last);
        Varint.Write(buffer, Varint.ZigZag(aggregate.LastMs - bucketMs));
        buffer.Write(sketch);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The statistics; <paramref name="sketch"/> is the sketch's part of <paramref name="data"/>.</summary>
    public static RollupStatistics Decode(ReadOnlySpan<byte> data, long bucketMs, out ReadOnlySpan<byte> sketch)
    {
        if (data.Length == 0 || data[0] != FormatVersion)
        {
            throw new InvalidDataException($"Unknown rollup format {(data.Length == 0 ? "(empty)" : data[0])}.");
        }
        var position = 1;
        var count = (long)Varint.Read(data, ref position);
        var sum = ReadDouble(data, ref position);
        var min = ReadDouble(data, ref position);
        var max = ReadDouble(data, ref position);
        var last = ReadDouble(data, ref position);
        var lastMs = bucketMs + Varint.UnZigZag(Varint.Read(data, ref position));
        sketch = data[position..];
        return new RollupStatistics(count, sum, min, max, last, lastMs);
    }

    private static void WriteDouble(ArrayBufferWriter<byte> buffer, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private static double ReadDouble(ReadOnlySpan<byte> data, ref int position)
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(data[position..]);
        position += 8;
        return value;
    }
}
