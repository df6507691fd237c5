using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Accounts;

namespace MonitorDashboard.Catalog;

/// <summary>The metric catalog (Lead): usage per metric of a model; archiving, restoring and deleting metrics and series, audited.</summary>
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
        group.MapDelete("/{model}/{name}", DeleteMetricAsync)
            .WithSummary("Deletes every series of the metric in the model: points, rollups and ids, in small steps. 409 while an alarm rule reads it.");
        group.MapDelete("/series/{id:long}", DeleteSeriesAsync)
            .WithSummary("Deletes one series (its id from the query API): points, rollups and id. 409 while an alarm rule reads its metric.");
        return group;
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        string model, string name, MetricArchiveService archive, HttpContext http, CancellationToken ct)
    {
        var (outcome, rules) = await archive.ArchiveAsync(model, name, Actor(http), ct);
        return outcome switch
        {
            CatalogOutcome.UnknownMetric => UnknownMetric(model, name),
            CatalogOutcome.UsedByAlarm => UsedByAlarm($"{model}/{name}", rules),
            _ => TypedResults.NoContent(),
        };
    }

    internal static async Task<Results<Ok<MetricDeletion>, ProblemHttpResult>> DeleteMetricAsync(
        string model, string name, MetricDeletionService deletion, HttpContext http, CancellationToken ct)
    {
        var (outcome, rules, deleted) = await deletion.DeleteMetricAsync(model, name, Actor(http), ct);
        return outcome switch
        {
            CatalogOutcome.UnknownMetric => UnknownMetric(model, name),
            CatalogOutcome.UsedByAlarm => UsedByAlarm($"{model}/{name}", rules),
            _ => TypedResults.Ok(deleted),
        };
    }

    internal static async Task<Results<Ok<MetricDeletion>, ProblemHttpResult>> DeleteSeriesAsync(
        long id, MetricDeletionService deletion, HttpContext http, CancellationToken ct)
    {
        var (outcome, rules, deleted) = await deletion.DeleteSeriesAsync(id, Actor(http), ct);
        return outcome switch
        {
            CatalogOutcome.UnknownMetric => TypedResults.Problem($"No series has id {id}.", statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["field"] = "id" }),
            CatalogOutcome.UsedByAlarm => UsedByAlarm($"the metric of series {id}", rules),
            _ => TypedResults.Ok(deleted),
        };
    }

    private static ProblemHttpResult UnknownMetric(string model, string name) =>
        TypedResults.Problem($"Model {model} has no metric {name}.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult UsedByAlarm(string what, IReadOnlyList<string> rules) =>
        TypedResults.Problem($"Alarm rules read {what}: {string.Join(", ", rules)}. Delete or change them first.", statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["rules"] = rules });

    internal static async Task<Results<NoContent, ProblemHttpResult>> RestoreAsync(
        string model, string name, MetricArchiveService archive, HttpContext http, CancellationToken ct) =>
        await archive.RestoreAsync(model, name, Actor(http), ct) == CatalogOutcome.Done
            ? TypedResults.NoContent()
            : TypedResults.Problem($"{model}/{name} is not archived.", statusCode: StatusCodes.Status404NotFound);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
