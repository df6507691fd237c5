using Microsoft.AspNetCore.Http.HttpResults;
using MonitorDashboard.Accounts;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Deployments;

/// <summary>
/// REST for deployments: CD systems (Ingest keys) and leads start them and step them; every signed-in role reads them.
/// Bad input is a 400 naming the field and stores nothing.
/// </summary>
public static class DeploymentEndpoints
{
    public const string Route = "/api/v1/deployments";

    public static RouteGroupBuilder MapDeploymentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Deployments").RequireAuthorization(Policies.Viewer);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);

        var write = app.MapGroup(Route).WithTags("Deployments").RequireAuthorization(Policies.Deployer);
        write.MapPost("/", CreateAsync).Accepts<DeploymentRequest>("application/json");
        write.MapPost("/{id:long}/traffic", (long id, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            StepAsync(id, DeploymentAction.Traffic, http, deployments, ct)).Accepts<DeploymentStepRequest>("application/json");
        write.MapPost("/{id:long}/promote", (long id, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            StepAsync(id, DeploymentAction.Promote, http, deployments, ct)).Accepts<DeploymentStepRequest>("application/json");
        write.MapPost("/{id:long}/rollback", (long id, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            StepAsync(id, DeploymentAction.Rollback, http, deployments, ct)).Accepts<DeploymentStepRequest>("application/json");
        write.MapPost("/{id:long}/finish", (long id, HttpContext http, DeploymentService deployments, CancellationToken ct) =>
            StepAsync(id, DeploymentAction.Finish, http, deployments, ct)).Accepts<DeploymentStepRequest>("application/json");
        return group;
    }

    private static async Task<Results<Ok<List<DeploymentResponse>>, ValidationProblem>> ListAsync(
        string? model, string? active, DeploymentStore store, CancellationToken ct)
    {
        bool? onlyActive = null;
        if (active is not null)
        {
            if (!bool.TryParse(active, out var parsed))
            {
                return Invalid("active", "must be true or false");
            }
            onlyActive = parsed;
        }
        return TypedResults.Ok((await store.ListAsync(model, onlyActive, ct)).Select(DeploymentResponse.From).ToList());
    }

    private static async Task<Results<Ok<DeploymentResponse>, ProblemHttpResult>> GetAsync(long id, DeploymentStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } deployment ? TypedResults.Ok(DeploymentResponse.From(deployment)) : NotFound(id);

    private static async Task<Results<Created<DeploymentResponse>, ValidationProblem>> CreateAsync(
        HttpContext http, DeploymentService deployments, CancellationToken ct)
    {
        var (request, bodyErrors) = await RequestJson.ReadAsync<DeploymentRequest>(http.Request, allowEmpty: false, ct);
        var errors = bodyErrors ?? DeploymentValidator.Validate(request!);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "Nothing was stored.", title: "The deployment is invalid");
        }
        var created = await deployments.CreateAsync(request!, Actor(http), ct);
        return TypedResults.Created($"{Route}/{created.Id}", DeploymentResponse.From(created));
    }

    private static async Task<Results<Ok<DeploymentResponse>, ValidationProblem, ProblemHttpResult>> StepAsync(
        long id, DeploymentAction action, HttpContext http, DeploymentService deployments, CancellationToken ct)
    {
        var (request, errors) = await RequestJson.ReadAsync<DeploymentStepRequest>(http.Request, allowEmpty: action != DeploymentAction.Traffic, ct);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, detail: "Nothing was changed.", title: "The step is invalid");
        }
        var change = await deployments.ApplyAsync(id, action, request?.TrafficPercent, request?.Note, Actor(http), ct);
        if (change.NotFound)
        {
            return NotFound(id);
        }
        if (change.Deployment is not { } deployment)
        {
            return Invalid(change.InvalidField!, change.InvalidReason!);
        }
        return TypedResults.Ok(DeploymentResponse.From(deployment));
    }

    private static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] }, detail: "Nothing was changed.", title: "The request is invalid");

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(detail: $"There is no deployment {id}.", statusCode: StatusCodes.Status404NotFound, title: "Deployment not found");

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
