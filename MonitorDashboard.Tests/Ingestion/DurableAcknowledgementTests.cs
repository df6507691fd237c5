using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using MonitorDashboard.Storage;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Ingestion;

/// <summary>
/// The 202 means "on the disk": the writer answers a commit's requests only once the store says the commit is durable,
/// and commits the next requests meanwhile (the SQLite store syncs its WAL apart from the commit, <see cref="WalSync"/>).
/// Here the store's flush is held by the test to make that visible.
/// </summary>
public sealed class DurableAcknowledgementTests
{
    [Fact]
    public async Task Post_WhileItsFlushIsHeld_IsAnsweredOnlyAfterTheFlush_AndTheWriterCommitsTheNextPostMeanwhile()
    {
        await using var app = new HeldFlushFactory();
        var client = app.CreateClient();
        var flush = app.HoldNextFlush();

        var first = client.PostEventsAsync(EventJson.Event(id: "first"));
        await Eventually.TrueAsync(() => Task.FromResult(app.CountPoints() == 1), TimeSpan.FromSeconds(10), "the first event committed");
        var second = client.PostEventsAsync(EventJson.Event(id: "second"));
        await Eventually.TrueAsync(() => Task.FromResult(app.CountPoints() == 2), TimeSpan.FromSeconds(10), "the second event committed while the first waits");

        Assert.False(first.IsCompleted, "answered before its commit was on the disk");
        Assert.False(second.IsCompleted, "answered before the commit ahead of it was on the disk");
        flush.SetResult();
        Assert.Equal(HttpStatusCode.Accepted, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await second).StatusCode);
    }

    [Fact]
    public async Task Post_WhoseFlushFails_Gets503AndARetryIsStoredOnce()
    {
        await using var app = new HeldFlushFactory();
        var client = app.CreateClient();
        app.HoldNextFlush().SetException(new IOException("disk gone"));

        var failed = await client.PostEventsAsync(EventJson.Event(id: "e1"));
        var retried = await client.PostEventsAsync(EventJson.Event(id: "e1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        // The commit itself went through: the retry is a duplicate, not a second point.
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Contains("\"duplicates\":1", await retried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, app.CountPoints());
    }

    /// <summary>The app with its point store wrapped so the test decides when the next commit's flush completes (later ones pass).</summary>
    private sealed class HeldFlushFactory : MonitorDashboardFactory
    {
        private TaskCompletionSource? _held;

        public TaskCompletionSource HoldNextFlush()
        {
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = held;
            return held;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPointStore>(sp =>
                new HeldFlushStore(ActivatorUtilities.CreateInstance<PointStore>(sp), () => Interlocked.Exchange(ref _held, null)?.Task ?? Task.CompletedTask)));
        }
    }

    private sealed class HeldFlushStore(IPointStore store, Func<Task> held) : IPointStore
    {
        public bool HasUnsavedRollups => store.HasUnsavedRollups;
        public bool RollupsCaughtUp => store.RollupsCaughtUp;
        public Task RemoveSeriesAsync(IReadOnlySet<long> seriesIds) => store.RemoveSeriesAsync(seriesIds);
        public Task<bool[]> AppendAsync(IReadOnlyList<PointWrite> points, CancellationToken cancellationToken) => store.AppendAsync(points, cancellationToken);
        public Task DurableAsync() => Task.WhenAll(store.DurableAsync(), held());
        public void FlushRollups() => store.FlushRollups();
        public long CatchUpRollups() => store.CatchUpRollups();
        public void Dispose() => store.Dispose();
    }
}
