using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using MonitorDashboard.Accounts;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.ScaleOut;

/// <summary>
/// Two instances joined by a real Redis (Live:Backplane=Redis) over one database file, as two instances share one
/// PostgreSQL: what one instance learns, the other acts on within a second.
/// </summary>
public sealed class RedisBackplaneTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncDisposable
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);
    private readonly List<IAsyncDisposable> _owned = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task PointPostedToA_ReachesAHubClientOfB_WithinOneSecond()
    {
        var (a, b) = StartTwoInstances();
        var received = Channel.CreateUnbounded<LivePoint>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(b.Server.BaseAddress, LiveHub.Route), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => b.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(TestAccounts.AdminKey);
            })
            .Build();
        _owned.Add(connection);
        connection.On<LivePoint[]>(LiveHub.PointsMessage, points => Array.ForEach(points, p => received.Writer.TryWrite(p)));
        await connection.StartAsync();
        await connection.InvokeAsync(nameof(LiveHub.Subscribe), new SeriesSelector { Model = "asr" });

        (await a.CreateClient().PostEventsAsync(EventJson.Event(model: "asr", name: "latency_ms", value: 42))).EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(WithinASecond);
        var point = await received.Reader.ReadAsync(timeout.Token);

        Assert.Equal(("asr", "latency_ms", 42.0), (point.Model, point.Name, point.Value));
    }

    [Fact]
    public async Task KeyRevokedOnA_IsRefusedByB_WithinOneSecond_ThoughBCachedItAsValid()
    {
        var (a, b) = StartTwoInstances();
        var created = await a.Services.GetRequiredService<ApiKeyService>().CreateAsync("probe", Roles.Ingest, "test");
        var client = b.CreateClientWithKey(created.Secret);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostEventsAsync(EventJson.Event())).StatusCode);

        // B now holds the key as checked for ApiKeyService.CacheFor (30 s); only the broadcast can make it look again.
        Assert.True(await a.Services.GetRequiredService<ApiKeyService>().RevokeAsync(created.Key.Id, "test"));
        await Eventually.TrueAsync(async () => (await client.PostEventsAsync(EventJson.Event())).StatusCode == HttpStatusCode.Unauthorized,
            WithinASecond, "B refuses the key revoked on A");
    }

    [Fact]
    public async Task CookieIssuedByA_OpensAPageOnB_AndDisablingTheUserOnA_SignsItOutOnB_WithinOneSecond()
    {
        var (a, b) = StartTwoInstances();
        var admin = a.Services.GetRequiredService<UserAdminService>();
        Assert.True((await admin.CreateAsync("watcher", "Watcher-Pass-123!", Roles.Viewer, "test")).Succeeded);
        var user = (await admin.ListAsync()).Single(u => u.UserName == "watcher");
        var cookie = await SignInCookieAsync(a, user.Id);
        using var browser = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        browser.DefaultRequestHeaders.Remove("X-Api-Key");

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode); // B wants a sign-in without the cookie
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode); // A's cookie, read with the shared keys

        Assert.True((await admin.SetDisabledAsync(user.Id, disabled: true, "test")).Succeeded);
        await Eventually.TrueAsync(async () => (await browser.GetAsync("/")).StatusCode == HttpStatusCode.Redirect,
            WithinASecond, "B signs out the user disabled on A");
    }

    private (MonitorDashboardFactory A, MonitorDashboardFactory B) StartTwoInstances()
    {
        redis.Require();
        var a = Joined(new MonitorDashboardFactory());
        _ = a.Server; // A first: it creates the schema and the bootstrap accounts
        var b = Joined(new MonitorDashboardFactory());
        b.Settings["Storage:Path"] = a.DatabasePath;
        _ = b.Server;
        return (a, b);
    }

    private MonitorDashboardFactory Joined(MonitorDashboardFactory app)
    {
        app.Settings["Live:Backplane"] = "Redis";
        app.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        _owned.Add(app);
        return app;
    }

    /// <summary>The auth cookie A's sign-in issues for this user: A's principal, protected with A's keys.</summary>
    private static async Task<string> SignInCookieAsync(MonitorDashboardFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CreateUserPrincipalAsync((await users.FindByIdAsync(userId))!);
        var cookieOptions = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow }, IdentityConstants.ApplicationScheme);
        return $"{cookieOptions.Cookie.Name}={cookieOptions.TicketDataFormat.Protect(ticket)}";
    }
}
