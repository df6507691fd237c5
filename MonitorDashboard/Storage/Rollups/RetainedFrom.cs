namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// The oldest moments retention still keeps raw points and minute rollups for (Unix milliseconds); hour rollups
/// outlive both.
/// </summary>
public readonly record struct RetainedFrom(long RawMs, long MinuteMs)
{
    /// <summary>Nothing deleted yet.</summary>
    public static readonly RetainedFrom Everything = new(long.MinValue, long.MinValue);
}
