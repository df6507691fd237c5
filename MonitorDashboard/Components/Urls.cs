namespace MonitorDashboard.Components;

/// <summary>Every page route, so links and tests never spell a path twice.</summary>
public static class Urls
{
    public const string Overview = "/";
    public const string Software = "/software";
    public const string Input = "/input";
    public const string Output = "/output";
    public const string Series = "/series";
    public const string Catalog = "/catalog";
    public const string Alarms = "/alarms";
    public const string Review = "/review";
    public const string ReviewInsight = "/review/insight";
    public const string Deployments = "/deployments";
    public const string Drift = "/drift";
    public const string OpenApi = "/openapi/v1.json";
    public const string AdminUsers = "/admin/users";
    public const string AdminApiKeys = "/admin/keys";
    public const string AdminAudit = "/admin/audit";
    public const string AdminPrivacy = "/admin/privacy";

    public static string Deployment(long id) => $"{Deployments}/{id}";
}
