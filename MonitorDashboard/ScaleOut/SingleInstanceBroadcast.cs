namespace MonitorDashboard.ScaleOut;

/// <summary>One instance: there is nobody else to tell.</summary>
public sealed class SingleInstanceBroadcast : IInstanceBroadcast
{
    public void Publish(BroadcastTopic topic, string message)
    {
    }

    public void Subscribe(BroadcastTopic topic, Action<string> handler)
    {
    }
}
