namespace MonitorDashboard.Storage;

/// <summary>
/// Points of one series packed into one row (<see cref="Blocks.PointBlockEncoder"/>), in arrival order. Every point of a
/// block lies in the same <see cref="WindowMs"/> (an hour), so a range query finds its blocks on the (series, window)
/// index; <see cref="StartMs"/> and <see cref="EndMs"/> are the block's earliest and latest point. The rowid
/// <see cref="Id"/> grows with arrival, which orders points of equal timestamps.
/// </summary>
public sealed class PointBlockRow
{
    public long Id { get; set; }
    public long SeriesId { get; set; }
    public long WindowMs { get; set; }
    public long StartMs { get; set; }
    public long EndMs { get; set; }
    public int Count { get; set; }
    public required byte[] Data { get; set; }
}
