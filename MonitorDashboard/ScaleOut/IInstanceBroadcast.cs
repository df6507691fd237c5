namespace MonitorDashboard.ScaleOut;

/// <summary>
/// Tells the other instances of this dashboard about a change they must act on at once (a revoked key, points for
/// their live viewers). A message reaches every other instance, never the one that sent it: the sender has already
/// acted on it locally.
/// </summary>
public interface IInstanceBroadcast
{
    void Publish(BroadcastTopic topic, string message);

    /// <summary>Calls <paramref name="handler"/> with each message other instances publish on <paramref name="topic"/>.</summary>
    void Subscribe(BroadcastTopic topic, Action<string> handler);
}
