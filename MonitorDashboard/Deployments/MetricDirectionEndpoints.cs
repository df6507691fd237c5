using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Accounts;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Deployments;

/// <summary>Which way each metric gets worse, read by everyone and set by leads; the canary analysis reads it.</summary>
public static class MetricDirectionEndpoints
{
    public static IEndpointRouteBuilder MapMetricDirectionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/metrics/directions", async (MetricDirectionStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithTags("Deployments").RequireAuthorization(Policies.Viewer);
        app.MapPut("/api/v1/metrics/{name}/direction", SetAsync).Accepts<MetricDirectionRequest>("application/json").WithTags("Deployments").RequireAuthorization(Policies.Lead);
        return app;
    }

    private static async Task<Results<NoContent, ValidationProblem>> SetAsync(string name, HttpContext http, MetricDirectionStore store, CancellationToken ct)
    {
        var (request, errors) = await RequestJson.ReadAsync<MetricDirectionRequest>(http.Request, allowEmpty: false, ct);
        errors ??= [];
        if (!MetricNames.IsValid(name))
        {
            errors["name"] = [MetricNames.Rule];
        }
        if (request is not null && !MetricDirections.IsValid(request.Direction))
        {
            errors["direction"] = [MetricDirections.Rule];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "Nothing was changed.", title: "The direction is invalid");
        }
        await store.SetAsync(name, request!.Direction!, http.User.Identity?.Name ?? "unknown", ct);
        return TypedResults.NoContent();
    }
}
