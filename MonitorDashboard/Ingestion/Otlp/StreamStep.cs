namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>What a cumulative point adds, compared with the stream's previous point.</summary>
public enum StreamStep
{
    /// <summary>Not newer than the previous point (a retry or reordering): nothing to add, nothing to remember.</summary>
    Stale,

    /// <summary>The first point of a stream that began before this app did: its total may be partly stored already, so it only sets the baseline.</summary>
    Baseline,

    /// <summary>The difference from the previous point.</summary>
    Delta,

    /// <summary>The whole value: a stream first seen that began after this app did, or one that restarted (a counter reset).</summary>
    Whole,
}
