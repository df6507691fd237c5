using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Query;

public static class QueryEndpoints
{
    public static RouteGroupBuilder MapQueryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/series").WithTags("Query");
        group.MapGet("/", ListSeriesAsync).WithSummary("List series, optionally filtered by model, version, stage, kind and name.");
        group.MapGet("/points", GetPointsAsync).WithSummary("Bucketed statistics (count, sum, min, max, avg, p50, p95, p99) per matching series.");
        return group;
    }

    internal static async Task<Results<Ok<IReadOnlyList<SeriesInfo>>, ValidationProblem>> ListSeriesAsync(
        SeriesQueryService queries, [AsParameters] SeriesSelector series, CancellationToken cancellationToken)
    {
        var errors = new List<EventError>();
        PointsQuery.ValidateKind(series.Kind, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "Fix the query string.");
        }
        return TypedResults.Ok(await queries.ListSeriesAsync(series, cancellationToken));
    }

    internal static async Task<Results<Ok<IReadOnlyList<SeriesBuckets>>, ValidationProblem>> GetPointsAsync(
        SeriesQueryService queries, TimeProvider time,
        IOptions<QueryOptions> limits, [AsParameters] SeriesSelector series, string? from, string? to, string? step, CancellationToken cancellationToken)
    {
        var errors = new List<EventError>();
        PointsQuery.ValidateKind(series.Kind, errors);
        var query = PointsQuery.TryCreate(series, from, to, step, time.GetUtcNow(), errors);
        if (query is null || errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "Fix the query string.");
        }
        var matching = await queries.CountSeriesAsync(series, cancellationToken);
        if (matching > limits.Value.MaxSeriesPerQuery)
        {
            return ApiProblems.Invalid([PointsQuery.TooManySeries(series, matching, limits.Value.MaxSeriesPerQuery)],
                "The query matches too many series: narrow it, or raise Query:MaxSeriesPerQuery.");
        }
        return TypedResults.Ok(await queries.GetBucketsAsync(query.Filter, query.FromMs, query.ToMs, query.StepMs, cancellationToken));
    }
}
