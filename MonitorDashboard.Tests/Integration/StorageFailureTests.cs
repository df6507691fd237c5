using System.Net;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

public sealed class StorageFailureTests
{
    [Fact]
    public async Task PostEvents_DatabaseLockedByAnotherProgram_Returns503WithRetryAfterAndRecoversWhenItIsReleased()
    {
        await using var app = new MonitorDashboardFactory();
        app.Settings["Storage:WriterLockTimeoutSeconds"] = "1";
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostEventsAsync(EventJson.Event(value: 1))).StatusCode);

        // Another program (a backup, a sqlite3 shell) holds the write lock longer than the writer waits.
        using (var other = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            other.Open();
            using var hold = other.BeginTransaction(deferred: false);

            var refused = await client.PostEventsAsync(EventJson.Event(value: 2));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            hold.Rollback();
        }

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostEventsAsync(EventJson.Event(value: 3))).StatusCode);
        Assert.Equal(2, app.CountPoints());
    }
}
