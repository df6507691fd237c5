using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Accounts;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Deployments.Canary;

/// <summary><c>GET /api/v1/deployments/{id}/analysis</c>: candidate vs baseline, judged now.</summary>
public static class CanaryAnalysisEndpoints
{
    public static RouteHandlerBuilder MapCanaryAnalysisApi(this IEndpointRouteBuilder app) =>
        app.MapGet(DeploymentEndpoints.Route + "/{id:long}/analysis", AnalyzeAsync)
            .WithTags("Deployments")
            .WithSummary("Canary analysis of the deployment: recommendation, reason and a verdict per metric (add metrics with ?metrics=a,b).")
            .RequireAuthorization(Policies.Viewer);

    private static async Task<Results<Ok<CanaryReport>, ProblemHttpResult>> AnalyzeAsync(
        long id, string? metrics, DeploymentStore deployments, CanaryAnalysisService analysis, CancellationToken cancellationToken)
    {
        if (await deployments.GetAsync(id, cancellationToken) is not { } deployment)
        {
            return TypedResults.Problem(detail: $"There is no deployment {id}.", statusCode: StatusCodes.Status404NotFound, title: "Deployment not found");
        }
        var extra = (metrics ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return TypedResults.Ok(await analysis.AnalyzeAsync(deployment, extra, cancellationToken));
    }
}
