namespace MonitorDashboard.Deployments.Canary;

/// <summary>Events out of trials for a rate metric (errors out of requests, clicks out of impressions).</summary>
public readonly record struct ProportionCounts(long Events, long Trials);
