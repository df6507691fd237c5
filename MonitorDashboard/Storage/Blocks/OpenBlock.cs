namespace MonitorDashboard.Storage.Blocks;

/// <summary>A series' block the writer still appends to, held in memory with its encoder.</summary>
internal sealed class OpenBlock(long seriesId, long windowMs)
{
    public long SeriesId { get; } = seriesId;
    public long WindowMs { get; } = windowMs;
    public PointBlockEncoder Encoder { get; } = new();
    /// <summary>0 until the block's row is inserted.</summary>
    public long Id { get; set; }
    /// <summary>Points in the row as last written (its Count then).</summary>
    public int WrittenCount { get; set; }
    /// <summary>Points appended since the row was last written: a new block's content if the row changed meanwhile.</summary>
    public List<(long TimestampMs, double Value)> Unwritten { get; } = [];
    public bool Dirty => Unwritten.Count > 0;

    public void Append(long timestampMs, double value)
    {
        Encoder.Append(timestampMs, value);
        Unwritten.Add((timestampMs, value));
    }
}
