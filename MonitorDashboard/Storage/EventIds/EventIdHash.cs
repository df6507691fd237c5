using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace MonitorDashboard.Storage.EventIds;

/// <summary>
/// What de-duplication remembers of an event id: its 128-bit XXH3 hash, the same whatever the id looks like (UUIDv4,
/// ULID, counter). At 128 bits two different ids collide with a probability of about n^2 / 2^129 (below 10^-24 for a
/// window of 10 million ids), so a hash match is taken as the same id. The hash is stored, so it must never change.
/// </summary>
public static class EventIdHash
{
    public const int Size = 16;

    public static UInt128 Of(string eventId)
    {
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(eventId.AsSpan()));
        // 0 marks an empty slot in the in-memory table.
        return hash == UInt128.Zero ? UInt128.One : hash;
    }

    public static void Write(Span<byte> destination, UInt128 hash) => BinaryPrimitives.WriteUInt128LittleEndian(destination, hash);

    public static UInt128 Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt128LittleEndian(source);
}
