namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// One commit's aggregate of one series over one rollup bucket, on PostgreSQL: written with the points in the commit's
/// transaction (insert only, so writers on several instances never wait for one another), folded into the
/// <see cref="RollupRow"/> soon after (<see cref="PostgresRollupFold"/>). Readers add the deltas not folded yet.
/// </summary>
public sealed class RollupDeltaRow
{
    public long Id { get; set; }
    public long SeriesId { get; set; }
    public long ResolutionMs { get; set; }
    public long BucketMs { get; set; }
    public byte[] Data { get; set; } = [];
}
