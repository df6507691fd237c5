using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Accounts;

namespace MonitorDashboard.Catalog;

/// <summary>The metric catalog (Lead): usage per metric of a model, and archiving and restoring metrics, audited.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/catalog").WithTags("Catalog").RequireAuthorization(Policies.Lead);
        group.MapGet("/models", async (MetricCatalogService catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ModelsAsync(ct)))
            .WithSummary("Every model with stored series.");
        group.MapGet("/", async (string model, MetricCatalogService catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListAsync(model, ct)))
            .WithSummary("Every metric of the model: family, series, points per day, last seen, what reads it, flat, archived, unused.");
        group.MapPost("/{model}/{name}/archive", ArchiveAsync).WithSummary("Hides the metric from the pages; its points stay stored. 409 while an alarm rule reads it.");
        group.MapPost("/{model}/{name}/restore", RestoreAsync).WithSummary("Shows an archived metric again.");
        return group;
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        string model, string name, MetricArchiveService archive, HttpContext http, CancellationToken ct)
    {
        var (outcome, rules) = await archive.ArchiveAsync(model, name, Actor(http), ct);
        return outcome switch
        {
            ArchiveOutcome.UnknownMetric => TypedResults.Problem($"Model {model} has no metric {name}.", statusCode: StatusCodes.Status404NotFound),
            ArchiveOutcome.UsedByAlarm => TypedResults.Problem(
                $"Alarm rules read {model}/{name}: {string.Join(", ", rules)}. Delete or change them first.", statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["rules"] = rules }),
            _ => TypedResults.NoContent(),
        };
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RestoreAsync(
        string model, string name, MetricArchiveService archive, HttpContext http, CancellationToken ct) =>
        await archive.RestoreAsync(model, name, Actor(http), ct) == ArchiveOutcome.Done
            ? TypedResults.NoContent()
            : TypedResults.Problem($"{model}/{name} is not archived.", statusCode: StatusCodes.Status404NotFound);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
