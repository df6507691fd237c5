namespace MonitorDashboard.Storage;

/// <summary>
/// The single row saying which raw points the stored rollups already hold: every point with an id up to
/// <see cref="LastPointId"/>. Rollups are written about once a second, not with every commit, so after a crash the
/// points above it are rolled up again at start.
/// </summary>
public sealed class RollupProgressRow
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastPointId { get; set; }
}
