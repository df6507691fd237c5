using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>
/// Appends points to one block, in arrival order. Timestamps are delta-of-delta zigzag varints (one byte a point for a
/// regular series); values are XORed with the previous value and only the bytes between the leading and trailing zero
/// bytes are kept, behind one header byte (Gorilla, VLDB 2015, at byte rather than bit granularity: appending needs no
/// bit cursor, and a value with random low bits, such as a latency, costs about 8 bytes under either). A repeated value
/// costs one byte.
/// Arithmetic wraps, so any two timestamps round-trip, however far apart.
/// </summary>
public sealed class PointBlockEncoder
{
    private readonly ArrayBufferWriter<byte> _buffer;
    private long _previousTimestamp;
    private long _previousDelta;
    private ulong _previousBits;

    public PointBlockEncoder(int initialCapacity = 64) => _buffer = new ArrayBufferWriter<byte>(initialCapacity);

    public int Count { get; private set; }

    public int Length => _buffer.WrittenCount;

    public long MinTimestampMs { get; private set; } = long.MaxValue;

    public long MaxTimestampMs { get; private set; } = long.MinValue;

    /// <summary>The encoded block so far (valid until the next append).</summary>
    public ReadOnlySpan<byte> Encoded => _buffer.WrittenSpan;

    public void Append(long timestampMs, double value)
    {
        var delta = unchecked(timestampMs - _previousTimestamp);
        var encodedTime = Count switch
        {
            0 => timestampMs,
            1 => delta,
            _ => unchecked(delta - _previousDelta),
        };
        Varint.Write(_buffer, Varint.ZigZag(encodedTime));
        WriteValue(BitConverter.DoubleToUInt64Bits(value) ^ _previousBits);

        _previousDelta = Count == 0 ? 0 : delta;
        _previousTimestamp = timestampMs;
        _previousBits = BitConverter.DoubleToUInt64Bits(value);
        MinTimestampMs = Math.Min(MinTimestampMs, timestampMs);
        MaxTimestampMs = Math.Max(MaxTimestampMs, timestampMs);
        Count++;
    }

    /// <summary>Header: 0 for an unchanged value, else (trailing zero bytes &lt;&lt; 4) | significant bytes (1-8).</summary>
    private void WriteValue(ulong xor)
    {
        var span = _buffer.GetSpan(9);
        if (xor == 0)
        {
            span[0] = 0;
            _buffer.Advance(1);
            return;
        }
        var trailing = BitOperations.TrailingZeroCount(xor) / 8;
        var leading = BitOperations.LeadingZeroCount(xor) / 8;
        var significant = 8 - leading - trailing;
        span[0] = (byte)((trailing << 4) | significant);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, xor >> (8 * trailing));
        bytes[..significant].CopyTo(span[1..]);
        _buffer.Advance(1 + significant);
    }
}
