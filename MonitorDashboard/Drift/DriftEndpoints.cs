using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Accounts;
using MonitorDashboard.Hosting;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Query;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Drift;

/// <summary><c>GET /api/v1/drift</c>: has a metric's distribution moved against its reference?</summary>
public static class DriftEndpoints
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public static RouteHandlerBuilder MapDriftApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/drift", CompareAsync)
            .WithTags("Drift")
            .WithSummary("Compares a metric's distribution in [from, to) with a reference window (KS test, PSI, histograms).")
            .RequireAuthorization(Policies.Viewer);

    internal static async Task<Results<Ok<DriftReport>, ValidationProblem>> CompareAsync(
        DriftService drift, TimeProvider time,
        [AsParameters] SeriesSelector series, string? from, string? to,
        string? reference, string? referenceFrom, string? referenceTo, CancellationToken cancellationToken)
    {
        var errors = new List<EventError>();
        var query = TryCreate(series, from, to, reference, referenceFrom, referenceTo, time.GetUtcNow(), errors);
        if (query is null)
        {
            return ApiProblems.Invalid(errors, "Fix the query string.");
        }
        return TypedResults.Ok(await drift.CompareAsync(query, cancellationToken));
    }

    public static DriftQuery? TryCreate(
        SeriesSelector series, string? from, string? to,
        string? reference, string? referenceFrom, string? referenceTo, DateTimeOffset now, List<EventError> errors)
    {
        if (!MetricNames.IsValid(series.Model))
        {
            errors.Add(new EventError(-1, "model", "is required and " + MetricNames.Rule));
        }
        if (!MetricNames.IsValid(series.Name))
        {
            errors.Add(new EventError(-1, "name", "is required and " + MetricNames.Rule));
        }
        PointsQuery.ValidateKind(series.Kind, errors);
        var toTime = PointsQuery.ParseTime(to, "to", now, errors);
        var fromTime = PointsQuery.ParseTime(from, "from", toTime - DefaultWindow, errors);
        if (fromTime >= toTime || toTime - fromTime > MaxWindow)
        {
            errors.Add(new EventError(-1, "from", "must be earlier than to, by at most 7 days"));
        }
        var referenceKind = DriftReference.Preceding;
        if (reference is not null && !DriftWire.TryParseReference(reference, out referenceKind))
        {
            errors.Add(new EventError(-1, "reference", "must be preceding, previous-day, previous-week or pinned"));
        }
        DateTimeOffset? pinnedFrom = null, pinnedTo = null;
        if (referenceKind == DriftReference.Pinned)
        {
            if (referenceFrom is null || referenceTo is null)
            {
                errors.Add(new EventError(-1, referenceFrom is null ? "referenceFrom" : "referenceTo", "is required with reference=pinned"));
            }
            else
            {
                pinnedFrom = PointsQuery.ParseTime(referenceFrom, "referenceFrom", now, errors);
                pinnedTo = PointsQuery.ParseTime(referenceTo, "referenceTo", now, errors);
                if (pinnedFrom >= pinnedTo || pinnedTo - pinnedFrom > MaxWindow)
                {
                    errors.Add(new EventError(-1, "referenceFrom", "must be earlier than referenceTo, by at most 7 days"));
                }
            }
        }
        if (errors.Count > 0)
        {
            return null;
        }
        return new DriftQuery(series, fromTime, toTime, referenceKind, pinnedFrom, pinnedTo);
    }
}
