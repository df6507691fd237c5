using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Ingestion;

namespace MonitorDashboard.Hosting;

/// <summary>The RFC 7807 problem responses the API gives, worded once.</summary>
public static class ApiProblems
{
    /// <summary>400 listing every bad field; <c>errors</c> keys are paths like <c>[3].value</c>.</summary>
    public static ValidationProblem Invalid(IEnumerable<EventError> errors, string detail) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()),
            detail: detail,
            title: "The request is invalid");

    public static ValidationProblem MalformedBody(string reason) =>
        Invalid([new EventError(-1, "body", reason)], "Nothing was stored.");

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(
            detail: $"The body is larger than the limit of {maxBytes} bytes; split it into smaller batches.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            extensions: new Dictionary<string, object?> { ["field"] = "body", ["maxBytes"] = maxBytes });

    /// <summary>503 with Retry-After: nothing was stored and the client should try again.</summary>
    public static ProblemHttpResult Unavailable(HttpContext http, string detail, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again later");
    }

    /// <summary>429 with Retry-After: the key keeps sending series past a cardinality limit (RefusalBackoff); nothing was stored.</summary>
    public static ProblemHttpResult CardinalityBackoff(HttpContext http, TimeSpan retryAfter) =>
        TooMany(http, retryAfter, "Too many refused series", seconds =>
            "This API key kept sending new series past a cardinality limit (more than Cardinality:RefusedEventsBeforeBackoff refused events "
            + $"within Cardinality:BackoffWindowSeconds); nothing was stored. Fix the client's tags (see the refusals of its earlier answers), then retry after {seconds} s.");

    /// <summary>429 with Retry-After: the key spent its event budget; nothing of this request was stored.</summary>
    public static ProblemHttpResult RateLimited(HttpContext http, TimeSpan retryAfter) =>
        TooMany(http, retryAfter, "Too many events",
            seconds => $"This API key exceeded its events per second (Auth:IngestEventsPerSecond); nothing was stored. Retry after {seconds} s.");

    private static ProblemHttpResult TooMany(HttpContext http, TimeSpan retryAfter, string title, Func<int, string> detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: detail(seconds), statusCode: StatusCodes.Status429TooManyRequests, title: title);
    }
}
