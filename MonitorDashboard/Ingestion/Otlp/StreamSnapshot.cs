namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>The last point of a cumulative stream, remembered to turn the next one into a delta.</summary>
public sealed record StreamSnapshot(ulong StartNs, ulong TimeNs)
{
    /// <summary>A sum's running total.</summary>
    public double Value { get; init; }

    /// <summary>A histogram's running count.</summary>
    public long Count { get; init; }

    /// <summary>A histogram's running sum.</summary>
    public double Sum { get; init; }

    public ExplicitBuckets? Explicit { get; init; }

    public ExponentialBuckets? Exponential { get; init; }
}
