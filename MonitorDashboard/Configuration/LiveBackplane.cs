namespace MonitorDashboard.Configuration;

/// <summary>How instances share live points, hub messages, Data Protection keys and revocations (<c>Live:Backplane</c>).</summary>
public enum LiveBackplane
{
    /// <summary>One instance: everything stays in this process.</summary>
    None,

    /// <summary>Several instances behind a load balancer, joined through the Redis server in <c>ConnectionStrings:Redis</c>.</summary>
    Redis,
}
