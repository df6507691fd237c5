namespace MonitorDashboard.Accounts;

/// <summary>401 and 403 for the API and hub as problem+json (pages get redirects instead).</summary>
public static class AccountProblems
{
    /// <remarks><c>/v1</c> is OpenTelemetry's path (<c>/v1/metrics</c>), fixed by its exporters.</remarks>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/v1") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/openapi");

    public static async Task WriteAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = status,
                Title = status == StatusCodes.Status401Unauthorized ? "Authentication required" : "Forbidden",
                Detail = status == StatusCodes.Status401Unauthorized
                    ? "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>', or sign in."
                    : "Your role does not allow this; ask an admin for a key or role with more rights.",
            },
        });
    }
}
