namespace MonitorDashboard.ScaleOut;

/// <summary>What a broadcast message is about; each topic is a channel of its own.</summary>
public enum BroadcastTopic
{
    /// <summary>Committed points, as a JSON array of live points.</summary>
    LivePoints,

    /// <summary>The id of an API key that was revoked.</summary>
    ApiKeyRevoked,

    /// <summary>The id of a user whose security stamp changed (disabled, new role, new password).</summary>
    UserSessionsChanged,
}
