namespace MonitorDashboard.Benchmarks;

/// <summary>One direct-to-SQLite insert loop, measured in this process.</summary>
public sealed record StoreResult(string Writer, int RowsPerTransaction, bool WithIds, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
