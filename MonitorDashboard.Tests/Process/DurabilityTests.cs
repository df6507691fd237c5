using System.Net;
using System.Net.Http.Json;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Process;

/// <summary>
/// "202 means on disk", checked against a real process killed with SIGKILL while clients were posting
/// (issue 2). The crash happens once, in <see cref="KilledAppFixture"/>.
/// </summary>
public sealed class DurabilityTests(KilledAppFixture scenario) : IClassFixture<KilledAppFixture>
{
    [Fact(Timeout = 30_000)]
    public async Task PostEvents_ProcessKilledMidStream_EveryAcknowledgedEventIsStored()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.All(scenario.Clients, c => Assert.Empty(c.Unexpected));
        Assert.True(scenario.InFlightAtKill > 0, "the kill should interrupt requests in flight");

        var stored = await scenario.ReadStoredIdsAsync(ct);

        var acknowledged = scenario.Clients.SelectMany(c => c.Acknowledged).SelectMany(batch => batch).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"acknowledged {acknowledged.Count} events, {scenario.InFlightAtKill} requests in flight at the kill, {stored.Count} ids stored");
        Assert.NotEmpty(acknowledged);
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.Empty(lost);
        // Nothing appears that was never sent.
        var sent = scenario.Clients.SelectMany(c => c.SentIds).ToHashSet();
        var invented = stored.Where(id => !sent.Contains(id)).ToList();
        Assert.Empty(invented);
        // Each stored id has its point, and only one, in the client's series.
        using var http = scenario.Restarted.CreateClient();
        foreach (var client in scenario.Clients)
        {
            var storedOfClient = stored.Count(id => id.StartsWith(client.MetricName + "-", StringComparison.Ordinal));
            Assert.Equal(storedOfClient, await scenario.CountPointsAsync(http, client, ct));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task GetPoints_LongRangeAfterTheKill_RollupsHoldExactlyTheStoredPoints()
    {
        // Rollups are saved about once a second, so the kill lost some from memory; the restart rolls those points up again.
        var ct = TestContext.Current.CancellationToken;
        using var http = scenario.Restarted.CreateClient();

        foreach (var client in scenario.Clients)
        {
            // Points posted since (the retry test) reach the rollups within two save intervals.
            await Eventually.TrueAsync(
                async () => await scenario.CountPointsAsync(http, client, ct) == await scenario.CountPointsAsync(http, client, ct, TimeSpan.FromHours(12)),
                TimeSpan.FromSeconds(10), $"the 12-hour count of {client.MetricName} (from rollups) equals its raw count");
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Readyz_RestartedOnKilledDatabase_ReportsHealthy()
    {
        using var http = scenario.Restarted.CreateClient();

        var response = await http.GetAsync("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = 30_000)]
    public async Task PostEvents_InterruptedBatchesRetriedAfterRestart_StoreEveryEventExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = scenario.Restarted.CreateClient();
        var interrupted = scenario.Clients.Where(c => c.Interrupted is not null).ToList();
        Assert.NotEmpty(interrupted);

        foreach (var client in interrupted)
        {
            using var response = await client.PostAsync(http, client.Interrupted!, ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var result = await response.Content.ReadFromJsonAsync<IngestResult>(ct);
            Assert.Equal(KilledAppFixture.EventsPerBatch, result!.Accepted + result.Duplicates);
        }

        foreach (var client in scenario.Clients)
        {
            Assert.Equal(client.SentIds.Count(), await scenario.CountPointsAsync(http, client, ct));
        }
    }
}
