namespace MonitorDashboard.Deployments.Canary;

/// <summary>How a metric is compared: whole distributions of values, or as a proportion of requests.</summary>
public enum MetricShape
{
    /// <summary>Latency, memory: rank test plus a tail check on the raw values.</summary>
    Samples,
    /// <summary>Errors, null returns, CTR: events over requests, compared as two proportions.</summary>
    Rate,
}
