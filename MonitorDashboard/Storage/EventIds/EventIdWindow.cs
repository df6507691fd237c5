namespace MonitorDashboard.Storage.EventIds;

/// <summary>
/// The most recent event ids, by hash, in two generations of <c>capacity</c> each: when the newer one is full the
/// older is dropped. So it always holds the last <c>capacity</c> ids, and at most twice that: bounded memory
/// (about 43 bytes per id of capacity), and a check that costs one or two probes whatever the ids look like or
/// however many have been stored before.
/// </summary>
public sealed class EventIdWindow(int capacity)
{
    private EventIdHashTable _newer = new(capacity);
    private EventIdHashTable? _older;

    public int Capacity => capacity;

    /// <summary>Remembers the hash; false when it was already remembered (a duplicate).</summary>
    public bool TryAdd(UInt128 hash)
    {
        if (_older?.Contains(hash) == true || _newer.Contains(hash))
        {
            return false;
        }
        if (_newer.IsFull)
        {
            // The dropped generation's memory is reused: no third table while the garbage collector catches up.
            var recycled = _older ?? new EventIdHashTable(capacity);
            recycled.Clear();
            _older = _newer;
            _newer = recycled;
        }
        return _newer.Add(hash);
    }

    public void Clear()
    {
        _older?.Clear();
        _newer.Clear();
    }
}
