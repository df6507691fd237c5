using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Accounts;
using MonitorDashboard.Hosting;
using MonitorDashboard.Ingestion;

namespace MonitorDashboard.Review.Privacy;

/// <summary>Erasure of one user's prediction payloads (Admin), audited.</summary>
public static class PrivacyEndpoints
{
    public static RouteHandlerBuilder MapPrivacyApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/predictions/erase", EraseAsync)
            .WithTags("Review")
            .WithSummary("Deletes every prediction whose input holds the user id at its model's Review:Privacy user-id path.")
            .RequireAuthorization(Policies.Admin);

    internal static async Task<Results<Ok<ErasureResult>, ValidationProblem>> EraseAsync(
        ErasureRequest? request, PredictionPrivacyService privacy, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new List<EventError>();
        if (string.IsNullOrWhiteSpace(request?.UserId))
        {
            errors.Add(new EventError(-1, "userId", "is required: the identifier as it appears in the prediction inputs"));
        }
        if (request?.Model is { } model && privacy.ErasableModels([model]).Count == 0)
        {
            errors.Add(new EventError(-1, "model", $"has no Review:Privacy:{request.Model}:UserIdPath (nor a default), so its predictions cannot be searched by user"));
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "Fix the request body.");
        }
        var deleted = await privacy.EraseAsync(request!.UserId!.Trim(), request.Model, http.User.Identity?.Name ?? "unknown", cancellationToken);
        return TypedResults.Ok(new ErasureResult(deleted));
    }
}
