using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Accounts;

/// <summary>
/// Authenticates services by API key: <c>Authorization: Bearer &lt;key&gt;</c>, <c>X-Api-Key: &lt;key&gt;</c>, or, for
/// the SignalR hub only, <c>?access_token=&lt;key&gt;</c> (browsers cannot set headers on WebSockets).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "api_key_id";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Whether the request carries a key at all (the policy scheme uses it to pick this handler).</summary>
    public static bool HasKey(HttpRequest request) => ReadKey(request) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ReadKey(Request);
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }
        ApiKeyInfo? key;
        try
        {
            key = await keys.AuthenticateAsync(secret, Context.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The key store is unreadable: refuse the key, but let anonymous endpoints (health) still answer.
            return AuthenticateResult.Fail(ex);
        }
        if (key is null)
        {
            // Deliberately no part of the presented secret in the log.
            return AuthenticateResult.Fail("Unknown or revoked API key");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"key:{key.Name}"),
                new Claim(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
                new Claim(ClaimTypes.Role, key.Role),
                new Claim(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AccountProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AccountProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);

    private static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return NullIfEmpty(authorization["Bearer ".Length..].Trim());
        }
        if (request.Headers.TryGetValue(HeaderName, out var header))
        {
            return NullIfEmpty(header.ToString().Trim());
        }
        if (request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var token))
        {
            return NullIfEmpty(token.ToString());
        }
        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
