using System.Net;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class HealthTests(MonitorDashboardFactory factory) : IClassFixture<MonitorDashboardFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_RunningApp_ReportsHealthy(string path)
    {
        var client = factory.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), $"{path} answers 200");

        Assert.Equal("Healthy", await client.GetStringAsync(path));
    }

    [Fact]
    public async Task Readyz_DatabaseFileDeleted_ReportsUnhealthy()
    {
        await using var broken = new MonitorDashboardFactory();
        var client = broken.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), "the app is ready");

        // A folder in place of the database: no connection can open it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(broken.DatabasePath);
        Directory.CreateDirectory(broken.DatabasePath);

        var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
