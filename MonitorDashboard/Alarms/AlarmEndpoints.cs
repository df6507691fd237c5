using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Accounts;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Webhooks;

namespace MonitorDashboard.Alarms;

/// <summary>REST for alarm rules, states and history: the same validation and roles as the editor.</summary>
public static class AlarmEndpoints
{
    public static RouteGroupBuilder MapAlarmApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alarms").WithTags("Alarms").RequireAuthorization(Policies.Viewer);
        group.MapGet("/", ListAsync);
        group.MapGet("/states", async (AlarmStateStore states, CancellationToken ct) => TypedResults.Ok(await states.ListAsync(ct)));
        group.MapGet("/{id:long}", GetAsync);
        group.MapGet("/{id:long}/history", HistoryAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Lead);
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Policies.Lead);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(Policies.Lead);
        group.MapPost("/{id:long}/ack", AcknowledgeAsync);
        group.MapPost("/backtest", BacktestAsync).WithSummary("How a rule would have behaved on the last 24 h of stored data.");
        return group;
    }

    private static async Task<Ok<List<AlarmRuleResponse>>> ListAsync(AlarmRuleStore rules, CancellationToken ct)
    {
        var errors = await rules.WebhookErrorsAsync(ct);
        return TypedResults.Ok((await rules.ListAsync(ct)).Select(r => AlarmRuleResponse.From(r, errors.TryGetValue(r.Id, out var e) ? e.Error : null)).ToList());
    }

    private static async Task<Results<Ok<AlarmRuleResponse>, NotFound>> GetAsync(long id, AlarmRuleStore rules, CancellationToken ct) =>
        await rules.GetAsync(id, ct) is { } rule ? TypedResults.Ok(AlarmRuleResponse.From(rule)) : TypedResults.NotFound();

    // An unknown rule has no history at all; an empty list would read as "never changed state".
    private static async Task<Results<Ok<IReadOnlyList<AlarmHistoryEntry>>, NotFound>> HistoryAsync(
        long id, AlarmRuleStore rules, AlarmStateStore states, CancellationToken ct) =>
        await rules.GetAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await states.HistoryAsync(id, null, 500, ct));

    private static async Task<Results<Created<AlarmRuleResponse>, ValidationProblem>> CreateAsync(
        AlarmRuleRequest request, AlarmRuleStore rules, WebhookPolicy webhooks, HttpContext http, CancellationToken ct)
    {
        if (Validate(request, 0, webhooks, out var errors) is not { } rule)
        {
            return TypedResults.ValidationProblem(errors, title: "The alarm rule is invalid");
        }
        var created = await rules.CreateAsync(rule, Actor(http), ct);
        return TypedResults.Created($"/api/v1/alarms/{created.Id}", AlarmRuleResponse.From(created));
    }

    private static async Task<Results<Ok<AlarmRuleResponse>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        long id, AlarmRuleRequest request, AlarmRuleStore rules, WebhookPolicy webhooks, HttpContext http, CancellationToken ct)
    {
        if (Validate(request, id, webhooks, out var errors) is not { } rule || request.ConcurrencyVersion is null)
        {
            if (request.ConcurrencyVersion is null)
            {
                errors["concurrencyVersion"] = ["Send the concurrencyVersion of the rule you edited (from GET), so no change is overwritten unseen."];
            }
            return TypedResults.ValidationProblem(errors, title: "The alarm rule is invalid");
        }
        var result = await rules.UpdateAsync(rule, Actor(http), ct);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (!result.Saved)
        {
            return TypedResults.Problem(
                title: "The rule was changed by someone else",
                detail: $"Your change was based on version {request.ConcurrencyVersion}, but the rule is now at version {result.Conflict?.ConcurrencyVersion}. Reload it, reapply your change and save again.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Conflict?.ConcurrencyVersion });
        }
        return TypedResults.Ok(AlarmRuleResponse.From(result.Rule!));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, AlarmRuleStore rules, HttpContext http, CancellationToken ct) =>
        await rules.DeleteAsync(id, Actor(http), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> AcknowledgeAsync(
        long id, AcknowledgeRequest request, AlarmStateStore states, TimeProvider time, HttpContext http, CancellationToken ct) =>
        await states.AcknowledgeAsync(id, request.SeriesId, Actor(http), request.Comment, time.GetUtcNow(), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<BacktestResult>, ValidationProblem>> BacktestAsync(
        AlarmRuleRequest request, AlarmBacktester backtester, TimeProvider time, CancellationToken ct)
    {
        if (AlarmRuleValidator.Validate(request, 0, out var errors) is not { } rule)
        {
            return TypedResults.ValidationProblem(errors, title: "The alarm rule is invalid");
        }
        return TypedResults.Ok(await backtester.RunAsync(rule, time.GetUtcNow(), ct));
    }

    /// <summary>The rule's own checks, then where its webhook may point (which needs configuration the validator has not got).</summary>
    public static AlarmRule? Validate(AlarmRuleRequest request, long id, WebhookPolicy webhooks, out Dictionary<string, string[]> errors)
    {
        var rule = AlarmRuleValidator.Validate(request, id, out errors);
        if (!errors.ContainsKey("webhookUrl") && !string.IsNullOrEmpty(request.WebhookUrl) && webhooks.CheckUrl(request.WebhookUrl) is { } reason)
        {
            errors["webhookUrl"] = [reason];
            return null;
        }
        return rule;
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
