namespace MonitorDashboard.Storage.Blocks;

/// <summary>A series' block the writer still appends to, held in memory with its encoder.</summary>
internal sealed class OpenBlock(long seriesId, long windowMs)
{
    public long SeriesId { get; } = seriesId;
    public long WindowMs { get; } = windowMs;
    public PointBlockEncoder Encoder { get; } = new();
    /// <summary>0 until the block's row is inserted.</summary>
    public long Id { get; set; }
    /// <summary>Appended to since its row was last written.</summary>
    public bool Dirty { get; set; }
}
