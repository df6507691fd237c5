using Bunit;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Accounts;
using MonitorDashboard.Components.Pages.Admin;
using MonitorDashboard.Configuration;
using MonitorDashboard.ScaleOut;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Components;

public sealed class ApiKeysPageTests : DashboardTestContext
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public ApiKeysPageTests()
    {
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<ApiKeyStore>();
        Services.AddSingleton<ApiKeyService>();
        Services.AddSingleton<IInstanceBroadcast, SingleInstanceBroadcast>();
        Services.AddSingleton(new ApiKeyUsage(_time));
        Services.AddSingleton(Options.Create(new AuthOptions()));
        AddAuthorization().SetAuthorized("admin");
    }

    [Fact]
    public async Task ApiKeys_KeyInUse_ShowsItsEventsOfTheLastMinuteAndRateNow()
    {
        var key = await Services.GetRequiredService<ApiKeyService>().CreateAsync("asr service", Roles.Ingest, "admin");
        var usage = Services.GetRequiredService<ApiKeyUsage>();
        usage.Record(key.Key.Id, 30_000, 0); // a minute ago: counted in the minute, not in "now"
        _time.Advance(TimeSpan.FromSeconds(50));
        usage.Record(key.Key.Id, 1_000, 40);
        _time.Advance(TimeSpan.FromSeconds(1));

        var page = Render<ApiKeys>();

        page.WaitForAssertion(() => Assert.StartsWith("31,000", page.Find("[data-testid=key-events-minute]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("(40 refused)", page.Find("[data-testid=key-refused-minute]").TextContent.Trim());
        Assert.Equal("100.0", page.Find("[data-testid=key-events-rate]").TextContent.Trim());
    }
}
