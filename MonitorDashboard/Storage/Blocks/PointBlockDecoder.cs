using System.Buffers.Binary;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage.Blocks;

/// <summary>Reads back what <see cref="PointBlockEncoder"/> wrote, point by point in arrival order.</summary>
public ref struct PointBlockDecoder(ReadOnlySpan<byte> block)
{
    private readonly ReadOnlySpan<byte> _block = block;
    private int _position;
    private int _index;
    private long _previousDelta;
    private ulong _previousBits;

    public long TimestampMs { get; private set; }

    public double Value { get; private set; }

    public bool Next()
    {
        if (_position >= _block.Length)
        {
            return false;
        }
        var encodedTime = Varint.UnZigZag(Varint.Read(_block, ref _position));
        switch (_index++)
        {
            case 0:
                TimestampMs = encodedTime;
                break;
            case 1:
                _previousDelta = encodedTime;
                TimestampMs = unchecked(TimestampMs + encodedTime);
                break;
            default:
                _previousDelta = unchecked(_previousDelta + encodedTime);
                TimestampMs = unchecked(TimestampMs + _previousDelta);
                break;
        }
        _previousBits ^= ReadXor();
        Value = BitConverter.UInt64BitsToDouble(_previousBits);
        return true;
    }

    private ulong ReadXor()
    {
        var header = _block[_position++];
        if (header == 0)
        {
            return 0;
        }
        var significant = header & 0x0F;
        var trailing = header >> 4;
        if (significant is 0 or > 8 || significant + trailing > 8 || _position + significant > _block.Length)
        {
            throw new InvalidDataException("Malformed value in a point block.");
        }
        Span<byte> bytes = stackalloc byte[8];
        bytes.Clear();
        _block.Slice(_position, significant).CopyTo(bytes);
        _position += significant;
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes) << (8 * trailing);
    }

    /// <summary>
    /// The newer of <paramref name="newest"/> and the block's newest point; of equal timestamps the later one (blocks are
    /// visited in arrival order), so the last to arrive wins.
    /// </summary>
    public static (long TimestampMs, double Value)? Newest(ReadOnlySpan<byte> block, (long TimestampMs, double Value)? newest)
    {
        var decoder = new PointBlockDecoder(block);
        while (decoder.Next())
        {
            if (newest is null || decoder.TimestampMs >= newest.Value.TimestampMs)
            {
                newest = (decoder.TimestampMs, decoder.Value);
            }
        }
        return newest;
    }
}
