namespace MonitorDashboard.Storage;

/// <summary>
/// The writer's map from series key to id, bounded whatever clients send: two generations of at most half the cap
/// each. A hit in the old generation moves the key to the new one; when the new one is full, the old one is dropped
/// (an approximate least-recently-used eviction at O(1) per lookup). A miss costs one indexed lookup of the Series
/// table, so an evicted id is simply read back.
/// </summary>
internal sealed class SeriesIdCache(int capacity)
{
    private readonly int _generationSize = Math.Max(1, capacity / 2);
    private Dictionary<SeriesKey, long> _recent = [];
    private Dictionary<SeriesKey, long> _older = [];

    public int Count => _recent.Count + _older.Count;

    public bool TryGetValue(SeriesKey key, out long id)
    {
        if (_recent.TryGetValue(key, out id))
        {
            return true;
        }
        if (!_older.Remove(key, out id))
        {
            return false;
        }
        this[key] = id;
        return true;
    }

    public long this[SeriesKey key]
    {
        set
        {
            if (_recent.Count >= _generationSize && !_recent.ContainsKey(key))
            {
                _older = _recent;
                _recent = [];
            }
            _recent[key] = value;
            _older.Remove(key);
        }
    }

    public void Clear()
    {
        _recent.Clear();
        _older.Clear();
    }

    /// <summary>Forgets deleted series, so their keys are looked up (and created afresh) again.</summary>
    public void RemoveIds(IReadOnlySet<long> ids)
    {
        foreach (var map in (Dictionary<SeriesKey, long>[])[_recent, _older])
        {
            foreach (var key in map.Where(e => ids.Contains(e.Value)).Select(e => e.Key).ToList())
            {
                map.Remove(key);
            }
        }
    }
}
