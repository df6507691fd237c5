using System.Net;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class StorageFailureTests
{
    [Fact]
    public async Task PostEvents_DatabaseUnwritable_Returns503WithRetryAfterAndRecoversWhenItIsBack()
    {
        await using var app = new MonitorDashboardFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostEventsAsync(EventJson.Event(value: 1))).StatusCode);

        // A folder in place of the database file: no connection can open it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var moved = app.DatabasePath + ".away";
        File.Move(app.DatabasePath, moved);
        Directory.CreateDirectory(app.DatabasePath);

        var refused = await client.PostEventsAsync(EventJson.Event(value: 2));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        Directory.Delete(app.DatabasePath);
        File.Move(moved, app.DatabasePath);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostEventsAsync(EventJson.Event(value: 3))).StatusCode);
        Assert.Equal(2, app.CountRows("Points"));
    }
}
