using System.Buffers;

namespace MonitorDashboard.Storage.Rollups;

/// <summary>LEB128 variable-length integers (small numbers take one byte) and zigzag for signed ones.</summary>
internal static class Varint
{
    public static void Write(ArrayBufferWriter<byte> buffer, ulong value)
    {
        var span = buffer.GetSpan(10);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[length++] = (byte)value;
        buffer.Advance(length);
    }

    public static ulong Read(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new InvalidDataException("Malformed varint in a rollup.");
    }

    /// <summary>Maps small negative and positive numbers to small unsigned ones.</summary>
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
