namespace MonitorDashboard.Storage;

/// <summary>One time series: a metric of one model, version and pipeline stage with one set of tags.</summary>
public sealed class SeriesRow
{
    public long Id { get; set; }
    public required string Model { get; set; }
    public required string Version { get; set; }
    public required string Stage { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Canonical JSON object of the tags, keys sorted; <c>{}</c> when there are none.</summary>
    public required string Tags { get; set; }

    public long CreatedMs { get; set; }
}
