using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonitorDashboard.Alarms;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Alarms;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Alarms;

/// <summary>
/// The sender works from what is stored, not from memory: each sender here stands for an instance, and a new one
/// finds what an instance that died (or stopped) before sending left behind.
/// </summary>
public sealed class AlarmWebhookSenderTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private AlarmRule _rule = null!;
    private long _seriesId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        _rule = await _database.Get<AlarmRuleStore>().CreateAsync(new AlarmRule(0, "asr latency", new SeriesSelector { Model = "asr", Name = "latency_ms" },
            AlarmAggregation.Max, TimeSpan.FromMinutes(1), AlarmComparator.GreaterThan, 250, null, TimeSpan.Zero,
            NoDataPolicy.KeepLast, AlarmSeverity.Critical, true, null, null, "https://hooks.example/alarm"), "lead", Ct);
        _seriesId = await _database.AddSeriesAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SendPending_FiringStoredByAnInstanceThatDiedBeforeSending_TheNextSendsItOnce()
    {
        await StoreFiringAsync();
        var receiver = new Receiver(HttpStatusCode.NoContent);

        await Sender(receiver).SendPendingAsync(Ct);
        await Sender(receiver).SendPendingAsync(Ct); // and the one after that finds nothing left

        var payload = Assert.Single(receiver.Bodies);
        Assert.Equal(("firing", "ok", "asr latency"), (payload.GetProperty("state").GetString(), payload.GetProperty("previousState").GetString(),
            payload.GetProperty("rule").GetProperty("name").GetString()));
        Assert.Equal("latency_ms", payload.GetProperty("series").GetProperty("name").GetString());
    }

    [Fact]
    public async Task SendPending_StoppedWhileTheReceiverWasAnswering_LeavesItForTheNextInstance_WithTheSameId()
    {
        await StoreFiringAsync();
        var hanging = new Receiver(HttpStatusCode.NoContent, hang: true);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var stopped = Sender(hanging).SendPendingAsync(stopping.Token);
        await Eventually.TrueAsync(() => Task.FromResult(hanging.Bodies.Count == 1), TimeSpan.FromSeconds(5), "the first instance is posting");
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);
        var next = new Receiver(HttpStatusCode.NoContent);
        await Sender(next).SendPendingAsync(Ct);

        Assert.Equal(hanging.Bodies[0].GetProperty("id").GetInt64(), Assert.Single(next.Bodies).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task SendPending_ReceiverFails_TheErrorShowsOnTheRuleAndItIsNotSentAgain()
    {
        await StoreFiringAsync();
        var broken = new Receiver(HttpStatusCode.InternalServerError);

        await Sender(broken).SendPendingAsync(Ct);
        await Sender(broken).SendPendingAsync(Ct);

        Assert.Single(broken.Bodies);
        Assert.Equal("HTTP 500 from the receiver", (await _database.Get<AlarmRuleStore>().WebhookErrorsAsync(Ct))[_rule.Id].Error);
    }

    private Task StoreFiringAsync()
    {
        var at = _database.Time.GetUtcNow();
        return _database.Get<AlarmStateStore>().SaveCycleAsync([new AlarmRuleOutcome(_rule.Id,
            new Dictionary<long, AlarmState> { [_seriesId] = new(AlarmStatus.Firing, at, at, 400, at) },
            [(_seriesId, new AlarmTransition(AlarmStatus.Ok, AlarmStatus.Firing, at, 400))], NotifiesWebhook: true)], Ct);
    }

    private AlarmWebhookSender Sender(Receiver receiver) => new(receiver, _database.Get<AlarmWebhookOutbox>(), _database.Get<AlarmRuleStore>(),
        _database.Get<SeriesQueryService>(), Options.Create(new AlarmOptions()), _database.Time, NullLogger<AlarmWebhookSender>.Instance);

    /// <summary>The receiving end of the webhook client: records each body, answers <c>status</c> (or not at all).</summary>
    private sealed class Receiver(HttpStatusCode status, bool hang = false) : HttpMessageHandler, IHttpClientFactory
    {
        private readonly List<JsonElement> _bodies = [];

        public IReadOnlyList<JsonElement> Bodies
        {
            get
            {
                lock (_bodies)
                {
                    return [.. _bodies];
                }
            }
        }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
            lock (_bodies)
            {
                _bodies.Add(body);
            }
            if (hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return new HttpResponseMessage(status);
        }
    }
}
