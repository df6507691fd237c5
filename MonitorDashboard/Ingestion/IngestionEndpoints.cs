using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;
using MonitorDashboard.Ingestion.Cardinality;

namespace MonitorDashboard.Ingestion;

public static class IngestionEndpoints
{
    private const int MaxJsonDepth = 32;

    public static RouteGroupBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Ingestion");
        group.MapPost("/events", PostEventsAsync)
            .RequireAuthorization(Policies.Ingest)
            .Accepts<JsonElement>("application/json")
            .WithSummary("Store a batch of metric events; 202 only once the batch is on disk.");
        group.MapGet("/ingest/stats", (IngestCounters counters) => TypedResults.Ok(counters.Snapshot()))
            .RequireAuthorization(Policies.Viewer)
            .WithSummary("The ingestion path's own counters.");
        return group;
    }

    internal static async Task<Results<Accepted<IngestResult>, ValidationProblem, ProblemHttpResult>> PostEventsAsync(
        HttpContext http,
        EventBatchParser parser,
        IngestionQueue queue,
        IngestCounters counters,
        IngestBudget budget,
        CardinalityGuard cardinality,
        RefusalMetricWriter refusalMetric,
        RefusalBackoff backoff,
        IOptions<IngestOptions> options,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Before the body is read: a key that keeps crossing a cardinality limit must cost the others as little as possible.
        if (backoff.MustWait(http.User.Identity?.Name, out var backoffLeft))
        {
            counters.RecordRejected(0);
            return ApiProblems.CardinalityBackoff(http, backoffLeft);
        }
        using var body = await JsonBody.ReadAsync(http.Request, settings.MaxBodyBytes, MaxJsonDepth, cancellationToken);
        if (body.Document is null)
        {
            counters.RecordRejected(0);
            return body.TooLarge ? ApiProblems.TooLarge(settings.MaxBodyBytes) : ApiProblems.MalformedBody(body.Malformed!);
        }

        var batch = parser.Parse(body.Document.RootElement);
        if (!batch.IsValid)
        {
            counters.RecordRejected(batch.Errors.Select(e => e.Index).Distinct().Count());
            return ApiProblems.Invalid(batch.Errors, $"{batch.Errors.Count} problem(s) found; the whole batch was rejected and nothing was stored.");
        }

        if (!budget.TryTake(http.User, batch.Events.Count, out var retryAfter))
        {
            counters.RecordRejected(batch.Events.Count);
            return ApiProblems.RateLimited(http, retryAfter);
        }

        var verdict = await cardinality.AdmitAsync(batch.Events, http.User.Identity?.Name, cancellationToken);
        await refusalMetric.RecordAsync(verdict);

        try
        {
            // Deliberately not cancelled with the request: once queued, the events are committed either way.
            var result = verdict.Admitted.Count == 0 ? new IngestResult(0, 0) : await queue.EnqueueAsync(verdict.Admitted);
            return TypedResults.Accepted((string?)null, verdict.Refused == 0 ? result : result with
            {
                Refused = verdict.Refused,
                Refusals = verdict.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()),
            });
        }
        catch (IngestionRejectedException ex)
        {
            counters.RecordRejected(batch.Events.Count);
            return ApiProblems.Unavailable(http, ex.Message, settings.RetryAfterSeconds);
        }
    }
}
