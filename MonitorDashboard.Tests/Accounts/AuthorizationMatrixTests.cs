using System.Net;
using System.Text;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Accounts;

/// <summary>Every API endpoint against every kind of caller: nobody, a revoked key, and a key of each role.</summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.KeysFixture keys) : IClassFixture<AuthorizationMatrixTests.KeysFixture>
{
    public sealed class KeysFixture : IAsyncLifetime
    {
        public MonitorDashboardFactory App { get; } = new();
        public Dictionary<string, string> SecretByRole { get; } = [];

        public async ValueTask InitializeAsync()
        {
            var service = App.Services.GetRequiredService<ApiKeyService>();
            foreach (var role in Roles.KeyRoles)
            {
                SecretByRole[role] = (await service.CreateAsync($"{role} key", role, "test")).Secret;
            }
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    private const string Event = """[{"model":"asr","kind":"software","name":"latency_ms","value":1}]""";

    public static TheoryData<string, string, string[]> Endpoints => new()
    {
        // method, path, roles allowed
        { "POST", "/api/v1/events", [Roles.Ingest, Roles.Admin] },
        { "GET", "/api/v1/series", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/series/points", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/ingest/stats", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/openapi/v1.json", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "POST", "/hubs/live/negotiate?negotiateVersion=1", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/alarms", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/alarms/states", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/alarms/1/history", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/alarms/1/ack", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/alarms/backtest", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/alarms", [Roles.Lead, Roles.Admin] },
        { "PUT", "/api/v1/alarms/999", [Roles.Lead, Roles.Admin] },
        { "DELETE", "/api/v1/alarms/999", [Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/predictions", [Roles.Ingest, Roles.Admin] },
        { "POST", "/api/v1/review/claim", [Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/review/1/label", [Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/review/1/release", [Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/review/1/undo", [Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/review/stats", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/review/readiness?model=asr", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/review/export", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/deployments", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/deployments/999", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/deployments", [Roles.Ingest, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/deployments/999/traffic", [Roles.Ingest, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/deployments/999/promote", [Roles.Ingest, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/deployments/999/rollback", [Roles.Ingest, Roles.Lead, Roles.Admin] },
        { "POST", "/api/v1/deployments/999/finish", [Roles.Ingest, Roles.Lead, Roles.Admin] },
        { "GET", "/api/v1/metrics/directions", [Roles.Viewer, Roles.Reviewer, Roles.Lead, Roles.Admin] },
        { "PUT", "/api/v1/metrics/latency_ms/direction", [Roles.Lead, Roles.Admin] },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PUT" ? new StringContent(path.Contains("alarms") || path.Contains("review") || path.Contains("deployments") || path.Contains("metrics") ? "{}" : path.Contains("predictions") ? "[]" : Event, Encoding.UTF8, "application/json") : null,
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_NoCredentials_Returns401Problem(string method, string path, string[] allowed)
    {
        Assert.NotEmpty(allowed);
        var response = await keys.App.CreateAnonymousClient().SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_EachRole_AllowedOr403(string method, string path, string[] allowed)
    {
        foreach (var role in Roles.KeyRoles)
        {
            var response = await keys.App.CreateClientWithKey(keys.SecretByRole[role]).SendAsync(Request(method, path));

            if (allowed.Contains(role))
            {
                // allowed: past authorization (an empty alarm body is then a 400, an unknown id a 404)
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500,
                    $"{role} on {method} {path}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} on {method} {path}: {(int)response.StatusCode}, expected 403");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_UnknownKey_Returns401(string method, string path, string[] allowed)
    {
        Assert.NotEmpty(allowed);
        var response = await keys.App.CreateClientWithKey("mdk_not-a-real-key").SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RevokedKey_NextRequest_Returns401()
    {
        var service = keys.App.Services.GetRequiredService<ApiKeyService>();
        var created = await service.CreateAsync("soon revoked", Roles.Viewer, "test");
        var client = keys.App.CreateClientWithKey(created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/series")).StatusCode);

        await service.RevokeAsync(created.Key.Id, "test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/series")).StatusCode);
    }

    [Theory]
    [InlineData("X-Api-Key")]
    [InlineData("Authorization")]
    public async Task Key_InEitherHeader_Accepted(string header)
    {
        var client = keys.App.CreateAnonymousClient();
        var secret = keys.SecretByRole[Roles.Viewer];
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, header == "Authorization" ? $"Bearer {secret}" : secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/series")).StatusCode);
    }

    [Fact]
    public async Task Page_NoCookie_RedirectsToLogin()
    {
        var client = keys.App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Remove("X-Api-Key");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NoCredentials_StillAnswers()
    {
        var response = await keys.App.CreateAnonymousClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
