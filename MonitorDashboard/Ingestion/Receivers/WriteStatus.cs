namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>What became of a translated batch handed to <see cref="ReceiverWriter"/>.</summary>
public enum WriteStatus
{
    /// <summary>Committed to disk.</summary>
    Stored,

    /// <summary>The key spent its event budget; nothing was stored.</summary>
    RateLimited,

    /// <summary>The queue is full, storage failed or the app is stopping; nothing was stored, the sender may retry.</summary>
    Unavailable,

    /// <summary>The request translates into more events than a receiver takes at once; nothing was stored, the sender should split it.</summary>
    TooLarge,
}
