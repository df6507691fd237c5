using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Review;

/// <summary>Prediction ingestion and the review queue's REST API (for automation; the labeling page uses the same services).</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/predictions", PostPredictionsAsync).WithTags("Review")
            .RequireAuthorization(Policies.Ingest);

        var review = app.MapGroup("/api/v1/review").WithTags("Review").RequireAuthorization(Policies.Reviewer);
        review.MapPost("/claim", ClaimAsync);
        review.MapPost("/{id:long}/label", LabelAsync);
        review.MapPost("/{id:long}/release", async (long id, ReviewQueue queue, HttpContext http, CancellationToken ct) =>
            await queue.ReleaseAsync(id, Reviewer(http), ct) ? Results.NoContent() : LeaseProblem());
        review.MapPost("/{id:long}/undo", async (long id, ReviewQueue queue, HttpContext http, CancellationToken ct) =>
            await queue.UndoAsync(id, Reviewer(http), ct) ? Results.NoContent() : LeaseProblem());
        review.MapPost("/{id:long}/renew", async (long id, ReviewQueue queue, HttpContext http, CancellationToken ct) =>
            await queue.RenewAsync(id, Reviewer(http), ct) ? Results.NoContent() : LeaseProblem());

        var read = app.MapGroup("/api/v1/review").WithTags("Review").RequireAuthorization(Policies.Viewer);
        read.MapGet("/stats", async (string? model, ReviewQueue queue, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await queue.StatsAsync(Reviewer(http), model, ct)));
        read.MapGet("/readiness", async (string model, string? version, ReviewInsights insights, CancellationToken ct) =>
            TypedResults.Ok(await insights.ReadinessAsync(model, version, ct)));
        read.MapGet("/export", Export);
        return app;
    }

    internal static async Task<Results<Accepted<PredictionIngestResult>, ValidationProblem, ProblemHttpResult>> PostPredictionsAsync(
        HttpContext http, PredictionBatchParser parser, PredictionIngestService store, IngestBudget budget, IOptions<IngestOptions> options,
        CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(http.Request, options.Value.MaxBodyBytes, maxDepth: 64, cancellationToken);
        if (body.Document is null)
        {
            return body.TooLarge ? ApiProblems.TooLarge(options.Value.MaxBodyBytes) : ApiProblems.MalformedBody(body.Malformed!);
        }
        var (predictions, errors) = parser.Parse(body.Document.RootElement);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, $"{errors.Count} problem(s) found; the whole batch was rejected and nothing was stored.");
        }
        if (!budget.TryTake(http.User, predictions.Count, out var retryAfter))
        {
            return ApiProblems.RateLimited(http, retryAfter);
        }
        try
        {
            return TypedResults.Accepted((string?)null, await store.InsertAsync(predictions, CancellationToken.None));
        }
        catch (System.Data.Common.DbException)
        {
            return ApiProblems.Unavailable(http, "Storage is unavailable; nothing of this request was stored.", options.Value.RetryAfterSeconds);
        }
    }

    private static async Task<Results<Ok<ReviewItem>, NoContent, ValidationProblem>> ClaimAsync(
        ClaimRequest? request, ReviewQueue queue, HttpContext http, CancellationToken ct)
    {
        var policy = QueuePolicy.HighestConfidence;
        if (request?.Policy is { } text && !Enum.TryParse(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out policy))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["policy"] = ["Use highest_confidence, oldest_first or newest_first."] });
        }
        return await queue.ClaimAsync(Reviewer(http), request?.Model, policy, ct) is { } item ? TypedResults.Ok(item) : TypedResults.NoContent();
    }

    private static async Task<IResult> LabelAsync(long id, LabelRequest request, ReviewQueue queue, HttpContext http, CancellationToken ct)
    {
        if (!Verdicts.TryParse(request.Verdict, out var verdict))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["verdict"] = ["Use production, shadow, both_wrong or skip."] });
        }
        if (verdict == Verdict.BothWrong && request.CorrectedOutput is not { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["correctedOutput"] = ["When both are wrong, give the correct output."] });
        }
        var outcome = await queue.LabelAsync(id, Reviewer(http), verdict, request.CorrectedOutput?.GetRawText(), request.Note, ct);
        return outcome switch
        {
            LabelOutcome.Labelled => TypedResults.NoContent(),
            LabelOutcome.NotFound => TypedResults.NotFound(),
            LabelOutcome.AlreadyLabelled => TypedResults.Problem(title: "Already labelled", detail: "This item already has a label.", statusCode: StatusCodes.Status409Conflict),
            _ => LeaseProblem(),
        };
    }

    private static IResult Export(string? format, string? model, string? from, string? to, ReviewExport export)
    {
        format ??= "jsonl";
        var errors = new Dictionary<string, string[]>();
        if (format is not ("jsonl" or "csv")) errors["format"] = ["Use jsonl or csv."];
        DateTimeOffset? Parse(string? text, string field)
        {
            if (text is null) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
            errors[field] = ["Use an RFC 3339 time."];
            return null;
        }
        var (fromTime, toTime) = (Parse(from, "from"), Parse(to, "to"));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Stream(stream => export.WriteAsync(stream, format, model, fromTime, toTime, CancellationToken.None),
            format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson",
            fileDownloadName: $"review-{model ?? "all"}.{format}");
    }

    private static ProblemHttpResult LeaseProblem() => TypedResults.Problem(
        title: "You do not hold this item",
        detail: "Its lease expired or belongs to someone else. Claim the next item to continue.",
        statusCode: StatusCodes.Status409Conflict);

    private static string Reviewer(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
