using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using MonitorDashboard.Ingestion;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Browser;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.ScaleOut;

/// <summary>
/// Issue 18's acceptance: two real app processes on different ports share one PostgreSQL and one Redis, and a user
/// cannot tell which of them answered. <see cref="RedisBackplaneTests"/> shows the Redis part in one process.
/// </summary>
public sealed class TwoInstanceTests(TwoInstanceFixture instances, BrowserFixture browser)
    : IClassFixture<TwoInstanceFixture>, IClassFixture<BrowserFixture>
{
    private const string AlarmWork = "AlarmEvaluationService";
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TakeOverLimit = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventPostedToA_ReachesAHubClientOfB_WithinOneSecond()
    {
        var pair = instances.Require();
        var received = Channel.CreateUnbounded<LivePoint>();
        await using var feed = new HubConnectionBuilder()
            .WithUrl(new Uri(pair.B.BaseAddress, LiveHub.Route), o => o.Headers["X-Api-Key"] = pair.B.ApiKey)
            .Build();
        feed.On<LivePoint[]>(LiveHub.PointsMessage, points => Array.ForEach(points, p => received.Writer.TryWrite(p)));
        await feed.StartAsync(Ct);
        await feed.InvokeAsync(nameof(LiveHub.Subscribe), new SeriesSelector { Model = "live-feed" }, Ct);
        using var http = pair.A.CreateClient();

        (await http.PostEventsAsync(EventJson.Event(model: "live-feed", name: "latency_ms", value: 42))).EnsureSuccessStatusCode();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(WithinASecond);
        var point = await received.Reader.ReadAsync(timeout.Token);

        Assert.Equal(("live-feed", "latency_ms", 42.0), (point.Model, point.Name, point.Value));
    }

    [Fact]
    public async Task BatchStoredThroughA_RetriedThroughB_IsCountedAsDuplicatesAndStoredOnce()
    {
        var pair = instances.Require();
        var batch = Enumerable.Range(0, 25)
            .Select(i => EventJson.Event(model: "retried", name: "latency_ms", value: i, id: $"retried-{i:D2}")).ToArray();
        using var toA = pair.A.CreateClient();
        using var toB = pair.B.CreateClient();

        var first = await IngestAsync(toA, batch);
        var retry = await IngestAsync(toB, batch);

        Assert.Equal((25, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 25), (retry.Accepted, retry.Duplicates));
        Assert.Equal(25, await CountAsync(toB, "retried", TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task InterleavedPostsToOneSeriesThroughAAndB_TwentyFourHourQueryOnEither_CountsEveryEventOnce()
    {
        var pair = instances.Require();
        const int BatchesPerInstance = 10, EventsPerBatch = 100;
        // Minutes old, as a buffering sender posts them: their minute and hour are complete, so a day's query is
        // answered from rollups that both instances added to at the same time.
        var ts = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");

        var accepted = await Task.WhenAll(pair.Both.Select((app, instance) => Task.Run(async () =>
        {
            using var http = app.CreateClient();
            var sum = 0;
            for (var b = 0; b < BatchesPerInstance; b++)
            {
                var batch = Enumerable.Range(0, EventsPerBatch)
                    .Select(i => EventJson.Event(model: "interleaved", name: "latency_ms", value: i, id: $"{instance}-{b:D2}-{i:D3}", ts: ts)).ToArray();
                sum += (await IngestAsync(http, batch)).Accepted;
            }
            return sum;
        }, Ct)));

        const int Total = 2 * BatchesPerInstance * EventsPerBatch;
        Assert.Equal(Total, accepted.Sum());
        foreach (var app in pair.Both)
        {
            using var http = app.CreateClient();
            long counted = 0;
            await Eventually.TrueAsync(async () => (counted = await CountAsync(http, "interleaved", TimeSpan.FromHours(24))) == Total,
                TimeSpan.FromSeconds(10), () => $"{app.BaseAddress} counts {Total} events in 24 h (it counts {counted})");
        }
    }

    [Fact]
    public async Task SignedInOnA_OpensAPageOnB_WithoutSigningInAgain()
    {
        var pair = instances.Require();
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync(pair.B.BaseAddress.ToString());
            await Assertions.Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync(); // B asks for a sign-in first

            await page.SignInAsync(pair.A.BaseAddress);
            // Browsers send a host's cookies to every port of it, as they do to every instance behind one address.
            await page.GotoAsync(pair.B.BaseAddress.ToString());

            await page.WaitForInteractiveAsync(); // B read A's cookie (the shared keys) and opened its circuit
            Assert.DoesNotContain("/account/login", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.GetByTestId("login-submit")).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task KeyRevokedOnA_IsRefusedByB_WithinOneSecond_ThoughBCachedItAsValid()
    {
        var pair = instances.Require();
        var admin = await browser.NewPageAsync();
        try
        {
            await admin.SignInAsync(pair.A.BaseAddress);
            await admin.GotoAsync(new Uri(pair.A.BaseAddress, "admin/keys").ToString());
            await admin.WaitForInteractiveAsync();
            await admin.GetByTestId("new-key-name").FillAsync("probe");
            await admin.GetByTestId("create-key").ClickAsync();
            var secret = (await admin.GetByTestId("new-key-secret").Locator(".md-mono").InnerTextAsync()).Trim();
            using var service = new HttpClient { BaseAddress = pair.B.BaseAddress };
            service.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            // B now holds the key as checked for ApiKeyService.CacheFor (30 s); only A's broadcast can make it look again.
            Assert.Equal(HttpStatusCode.Accepted, (await service.PostEventsAsync(EventJson.Event(model: "revoked-key"))).StatusCode);

            var row = admin.Locator("[data-testid=keys-table] tr", new() { HasText = "probe" });
            await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await Assertions.Expect(row).ToContainTextAsync("revoked");

            await Eventually.TrueAsync(
                async () => (await service.PostEventsAsync(EventJson.Event(model: "revoked-key"))).StatusCode == HttpStatusCode.Unauthorized,
                WithinASecond, "B refuses the key revoked on A");
        }
        finally
        {
            await admin.Context.CloseAsync();
        }
    }

    /// <summary>
    /// One rule, one receiver. While both instances run, only the lease holder evaluates: the firing arrives once. The
    /// receiver is down when the alarm resolves, and the leader dies while retrying that notification: the survivor
    /// takes over and delivers the resolution it committed, once, and never the firing again.
    /// </summary>
    [Fact]
    public async Task AlarmLeaderKilledWhileRetryingAWebhook_TheOtherTakesOverWithin30s_EveryTransitionArrivesOnce()
    {
        instances.Require();
        await using var pair = await instances.StartPairAsync(Ct);
        using var receiver = new WebhookReceiver();
        using var http = pair.B.CreateClient();
        (await http.PostAsJsonAsync("/api/v1/alarms", new
        {
            name = "failover latency", model = "failover", metric = "latency_ms", aggregation = "last", window = "10s", comparator = ">",
            threshold = 250, recoveryThreshold = 200.0, @for = "0s", noData = "keep_last", severity = "critical", webhookUrl = receiver.Url,
        }, Ct)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Task.FromResult(pair.Running(AlarmWork).Count == 1), TimeSpan.FromSeconds(10),
            () => $"one instance logs that it runs alarm evaluation:{Environment.NewLine}{pair.RecentOutput}");
        var leader = pair.Running(AlarmWork).Single();
        var survivor = pair.Other(leader);
        // Points posted to either instance reach the one evaluating, through the shared database.
        using var toSurvivor = survivor.CreateClient();

        await PostLatencyAsync(toSurvivor, 400);
        var firing = await receiver.NextAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("firing", firing.GetProperty("state").GetString());
        receiver.Answer = HttpStatusCode.ServiceUnavailable;
        await PostLatencyAsync(toSurvivor, 150);
        var refusedResolution = await receiver.NextAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("ok", refusedResolution.GetProperty("state").GetString());
        Assert.Equal([leader], pair.Running(AlarmWork)); // still the only one, seconds after both started

        await leader.KillAsync();
        var killed = Stopwatch.StartNew();
        receiver.Answer = HttpStatusCode.NoContent;

        await Eventually.TrueAsync(() => Task.FromResult(receiver.Delivered.Count >= 2), TakeOverLimit,
            () => $"the survivor delivers the resolution; received {receiver.Delivered.Count} (+{receiver.Refused.Count} refused):{Environment.NewLine}{survivor.RecentOutput}");
        Assert.InRange(killed.Elapsed, TimeSpan.Zero, TakeOverLimit);
        TestContext.Current.TestOutputHelper?.WriteLine($"the survivor delivered the resolution {killed.Elapsed.TotalSeconds:0.0} s after the kill");
        Assert.True(survivor.HasWritten($"This instance now runs {AlarmWork}"), survivor.RecentOutput);
        // Sent in commit order: a second copy of the firing would have come before the resolution.
        Assert.Equal(["firing", "ok"], receiver.Delivered.Select(d => d.GetProperty("state").GetString()));
        var resolution = receiver.Delivered[1];
        Assert.Equal(refusedResolution.GetProperty("id").GetInt64(), resolution.GetProperty("id").GetInt64());
        Assert.Equal(refusedResolution.GetProperty("at").GetDateTimeOffset(), resolution.GetProperty("at").GetDateTimeOffset());
    }

    private static async Task PostLatencyAsync(HttpClient http, double value) =>
        (await http.PostEventsAsync(EventJson.Event(model: "failover", name: "latency_ms", value: value))).EnsureSuccessStatusCode();

    private static async Task<IngestResult> IngestAsync(HttpClient http, object[] batch)
    {
        using var response = await http.PostEventsAsync(batch);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IngestResult>(Ct))!;
    }

    /// <summary>Events of the model's latency series over the last <paramref name="lookBack"/>, as the query API counts them.</summary>
    private static async Task<long> CountAsync(HttpClient http, string model, TimeSpan lookBack)
    {
        var now = DateTimeOffset.UtcNow;
        var range = $"from={Uri.EscapeDataString((now - lookBack).ToString("O"))}&to={Uri.EscapeDataString(now.AddMinutes(1).ToString("O"))}";
        var answer = await http.GetFromJsonAsync<JsonElement>($"/api/v1/series/points?model={model}&name=latency_ms&{range}", Ct);
        return answer.EnumerateArray().SelectMany(series => series.GetProperty("buckets").EnumerateArray()).Sum(bucket => bucket.GetProperty("count").GetInt64());
    }
}
