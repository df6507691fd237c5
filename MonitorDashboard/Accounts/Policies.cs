using Microsoft.AspNetCore.Authorization;

namespace MonitorDashboard.Accounts;

/// <summary>The authorization policies; pages and API endpoints use the same ones.</summary>
public static class Policies
{
    public const string Viewer = "AtLeastViewer";
    public const string Reviewer = "AtLeastReviewer";
    public const string Lead = "AtLeastLead";
    public const string Admin = "AdminOnly";
    public const string Ingest = "MayIngest";
    public const string Deployer = "MayDeploy";

    public static AuthorizationBuilder AddMonitorDashboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Viewer, p => p.RequireRole(Roles.AtLeast(Roles.Viewer)))
        .AddPolicy(Reviewer, p => p.RequireRole(Roles.AtLeast(Roles.Reviewer)))
        .AddPolicy(Lead, p => p.RequireRole(Roles.AtLeast(Roles.Lead)))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        // Posting data: ingest keys, and admins (for automation and tests); viewers may not forge metrics.
        .AddPolicy(Ingest, p => p.RequireRole(Roles.Ingest, Roles.Admin))
        // Starting and stepping deployments: leads by hand, and CD systems with an ingest key.
        .AddPolicy(Deployer, p => p.RequireRole([.. Roles.AtLeast(Roles.Lead), Roles.Ingest]));
}
