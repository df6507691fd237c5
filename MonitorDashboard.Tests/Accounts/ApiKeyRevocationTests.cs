using System.Net;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Accounts;

public sealed class ApiKeyRevocationTests : IAsyncDisposable
{
    private readonly MonitorDashboardFactory _app = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RevocationHeardFromAnotherInstance_RefusesTheKeyEvenWhileThisInstanceStillReadsItAsActive()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync("probe", Roles.Ingest, "test");
        var client = _app.CreateClientWithKey(created.Secret);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostEventsAsync(EventJson.Event())).StatusCode);

        // The broadcast can arrive while a check here is still reading the key as active (the revoking commit is not
        // visible to it yet): that check must not bring the key back. Here the row is never revoked at all.
        keys.Forget(created.Key.Id);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostEventsAsync(EventJson.Event())).StatusCode);
    }
}
