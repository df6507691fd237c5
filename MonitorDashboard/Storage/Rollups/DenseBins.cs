namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// Bin counts of one sign of a <see cref="QuantileSketch"/> in a contiguous array from the lowest to the highest
/// bin seen: adding and merging are array increments, and walking the bins in order needs no sort. Values of one
/// metric span a few decades, so the array stays a few hundred entries long. A wider spread (a broken or hostile
/// client) folds the lowest bins into one, as DDSketch does, so memory stays bounded and the high quantiles,
/// the ones alarms watch, stay exact to 1 %.
/// </summary>
internal sealed class DenseBins
{
    /// <summary>Widest span of bins kept: about 18 decades (1e-9 to 1e9) at 1 % accuracy.</summary>
    public const int MaxSpan = 2_048;

    private long[] _counts = [];
    private int _offset;

    /// <summary>Lowest bin index held (greater than <see cref="MaxIndex"/> when empty).</summary>
    public int MinIndex { get; private set; } = int.MaxValue;

    public int MaxIndex { get; private set; } = int.MinValue;

    /// <summary>Bins with a count above zero.</summary>
    public int BinCount { get; private set; }

    public long CountAt(int index) => index >= MinIndex && index <= MaxIndex ? _counts[index - _offset] : 0;

    public void Add(int index, long count)
    {
        if (MinIndex <= MaxIndex)
        {
            if (index < MaxIndex - MaxSpan + 1)
            {
                index = MaxIndex - MaxSpan + 1; // below the window: counted in its lowest bin
            }
            else if (index - MinIndex + 1 > MaxSpan)
            {
                FoldBelow(index - MaxSpan + 1);
            }
        }
        EnsureCovers(index);
        ref var slot = ref _counts[index - _offset];
        if (slot == 0)
        {
            BinCount++;
        }
        slot += count;
        MinIndex = Math.Min(MinIndex, index);
        MaxIndex = Math.Max(MaxIndex, index);
    }

    /// <summary>Empties the bins but keeps the array, so a query reuses it for bucket after bucket.</summary>
    public void Clear()
    {
        if (BinCount > 0 || MinIndex <= MaxIndex)
        {
            Array.Clear(_counts, MinIndex - _offset, MaxIndex - MinIndex + 1);
        }
        MinIndex = int.MaxValue;
        MaxIndex = int.MinValue;
        BinCount = 0;
    }

    public void AddAll(DenseBins other)
    {
        for (var index = other.MinIndex; index <= other.MaxIndex; index++)
        {
            if (other.CountAt(index) is > 0 and var count)
            {
                Add(index, count);
            }
        }
    }

    /// <summary>
    /// Moves the counts of every bin below <paramref name="lowest"/> into that bin, and starts a fresh array for what
    /// is kept, so the array never reaches back to bins that are gone.
    /// </summary>
    private void FoldBelow(int lowest)
    {
        long folded = 0;
        var kept = new List<(int Index, long Count)>();
        for (var index = MinIndex; index <= MaxIndex; index++)
        {
            if (CountAt(index) is > 0 and var count)
            {
                if (index < lowest)
                {
                    folded += count;
                }
                else
                {
                    kept.Add((index, count));
                }
            }
        }
        _counts = [];
        MinIndex = int.MaxValue;
        MaxIndex = int.MinValue;
        BinCount = 0;
        if (folded > 0)
        {
            Add(lowest, folded);
        }
        foreach (var (index, count) in kept)
        {
            Add(index, count);
        }
    }

    /// <summary>Grows the array to take <paramref name="index"/>, with room to spare on that side so growth is rare.</summary>
    private void EnsureCovers(int index)
    {
        if (_counts.Length == 0)
        {
            _counts = new long[64];
            _offset = index - 32;
            return;
        }
        if (index >= _offset && index < _offset + _counts.Length)
        {
            return;
        }
        var low = Math.Min(_offset, index);
        var high = Math.Max(_offset + _counts.Length - 1, index);
        var spare = Math.Max(32, (high - low + 1) / 2);
        var newOffset = index < _offset ? low - spare : low;
        var grown = new long[high - newOffset + 1 + (index < _offset ? 0 : spare)];
        Array.Copy(_counts, 0, grown, _offset - newOffset, _counts.Length);
        _counts = grown;
        _offset = newOffset;
    }
}
