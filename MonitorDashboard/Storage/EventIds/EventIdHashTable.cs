namespace MonitorDashboard.Storage.EventIds;

/// <summary>
/// A fixed-size open-addressing set of id hashes (linear probing, filled to at most 3/4), 16 bytes a slot. The hashes
/// are uniform, so the slot is taken from the high bits by a multiply-shift and no size needs to be a power of two.
/// </summary>
internal sealed class EventIdHashTable
{
    private readonly UInt128[] _slots;

    public EventIdHashTable(int capacity)
    {
        Capacity = capacity;
        _slots = new UInt128[(int)Math.Min(Array.MaxLength, ((long)capacity * 4 / 3) + 1)];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count >= Capacity;

    public bool Contains(UInt128 hash) => _slots[SlotOf(hash)] == hash;

    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>False when the hash was already held. The caller checks <see cref="IsFull"/> first.</summary>
    public bool Add(UInt128 hash)
    {
        var slot = SlotOf(hash);
        if (_slots[slot] == hash)
        {
            return false;
        }
        _slots[slot] = hash;
        Count++;
        return true;
    }

    /// <summary>The slot holding the hash, or the empty slot where it goes.</summary>
    private int SlotOf(UInt128 hash)
    {
        var slot = Home(hash);
        while (_slots[slot] != hash && _slots[slot] != UInt128.Zero)
        {
            slot = slot + 1 == _slots.Length ? 0 : slot + 1;
        }
        return slot;
    }

    private int Home(UInt128 hash) => (int)Math.BigMul((ulong)(hash >> 64), (ulong)_slots.Length, out _);
}
