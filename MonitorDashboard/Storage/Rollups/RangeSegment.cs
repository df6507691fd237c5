namespace MonitorDashboard.Storage.Rollups;

/// <summary>A part [FromMs, ToMs) of a queried range read at one resolution; <see cref="ResolutionMs"/> 0 means raw points.</summary>
public readonly record struct RangeSegment(long ResolutionMs, long FromMs, long ToMs)
{
    public const long Raw = 0;
}
