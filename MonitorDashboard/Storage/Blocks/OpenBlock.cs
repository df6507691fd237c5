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
    /// <summary>Points appended since the row was last written.</summary>
    public bool Dirty => Encoder.Count > WrittenCount;

    public void Append(long timestampMs, double value) => Encoder.Append(timestampMs, value);

    /// <summary>
    /// A new block holding only the points appended since the row was last written: what goes to disk when the row
    /// changed meanwhile. Decoded from the encoder, not kept aside per point, because this is the rare path.
    /// </summary>
    public OpenBlock WithUnwrittenPointsOnly()
    {
        var fresh = new OpenBlock(SeriesId, WindowMs);
        var decoder = new PointBlockDecoder(Encoder.Encoded);
        for (var index = 0; decoder.Next(); index++)
        {
            if (index >= WrittenCount)
            {
                fresh.Append(decoder.TimestampMs, decoder.Value);
            }
        }
        return fresh;
    }
}
