using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Configuration;
using MonitorDashboard.Review;
using MonitorDashboard.Storage.Review;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage.Review;

/// <summary>Storing predictions and the review queue's leases on both engines; above all, no item is handed out twice.</summary>
public sealed class ReviewQueueStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PredictionEntry Entry(string id, double? confidence = 0.9, string model = "asr")
    {
        var json = JsonDocument.Parse("{\"text\":\"x\"}").RootElement;
        var prediction = new Prediction(id, 1_000 + id.GetHashCode(StringComparison.Ordinal) % 100, model, null, json, json, "rules", "v1", json, "v2", confidence);
        return new PredictionEntry(prediction, "{}", "{\"text\":\"a\"}", "{\"text\":\"b\"}", Agrees: false, InQueue: true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task InsertNew_RetriedAndRepeatedIds_AreStoredOnce(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var predictions = database.Get<PredictionStore>();

        var first = await predictions.InsertNewAsync([Entry("a"), Entry("b"), Entry("a")], Ct);
        var retry = await predictions.InsertNewAsync([Entry("b"), Entry("c"), Entry("a", model: "vad")], Ct);

        Assert.Equal(["a", "b"], first.Select(e => e.Prediction.Id));
        Assert.Equal([("c", "asr"), ("a", "vad")], retry.Select(e => (e.Prediction.Id, e.Prediction.Model)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Claim_HighestConfidenceFirst_AndTheReviewersOwnClaimAgain(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Get<PredictionStore>().InsertNewAsync([Entry("low", 0.2), Entry("high", 0.95), Entry("none", null)], Ct);
        var queue = database.Get<ReviewQueueStore>();
        var now = database.Time.GetUtcNow();

        var alice = await queue.ClaimAsync("alice", null, QueuePolicy.HighestConfidence, now, now + Lease, Ct);
        var bob = await queue.ClaimAsync("bob", null, QueuePolicy.HighestConfidence, now, now + Lease, Ct);
        var aliceAgain = await queue.ClaimAsync("alice", null, QueuePolicy.HighestConfidence, now, now + Lease, Ct);

        Assert.Equal("high", (await queue.GetAsync(alice!.Value, Ct))!.ClientId);
        Assert.Equal("low", (await queue.GetAsync(bob!.Value, Ct))!.ClientId);
        Assert.Equal(alice, aliceAgain);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Label_OnlyByTheLeaseHolder_AndUndoGivesItBack(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Get<PredictionStore>().InsertNewAsync([Entry("a")], Ct);
        var queue = database.Get<ReviewQueueStore>();
        var now = database.Time.GetUtcNow();
        var id = (await queue.ClaimAsync("alice", null, QueuePolicy.OldestFirst, now, now + Lease, Ct))!.Value;

        var byBob = await queue.LabelAsync(id, "bob", "shadow", null, null, now, Ct);
        var byAlice = await queue.LabelAsync(id, "alice", "shadow", null, "ok", now, Ct);
        var labelled = await queue.GetAsync(id, Ct);
        var undone = await queue.UndoAsync(id, "alice", now, Ct);

        Assert.False(byBob);
        Assert.True(byAlice);
        Assert.Equal(("shadow", "ok"), (labelled!.Verdict, labelled.Note));
        Assert.True(undone);
        Assert.Null((await queue.GetAsync(id, Ct))!.Verdict);
        Assert.Equal(new(0, 1, 0, 0, 0), await queue.StatsAsync("alice", null, now, now.AddHours(-10), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Skip_RestsTheItemForOneLease_ThenAnyoneMayClaimIt(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Get<PredictionStore>().InsertNewAsync([Entry("a")], Ct);
        var queue = database.Get<ReviewQueueStore>();
        var now = database.Time.GetUtcNow();
        var id = (await queue.ClaimAsync("alice", null, QueuePolicy.OldestFirst, now, now + Lease, Ct))!.Value;

        Assert.True(await queue.SkipAsync(id, "alice", now, now + Lease, Ct));
        Assert.Null(await queue.ClaimAsync("bob", null, QueuePolicy.OldestFirst, now, now + Lease, Ct));
        var later = now + Lease + TimeSpan.FromSeconds(1);
        Assert.Equal(id, await queue.ClaimAsync("bob", null, QueuePolicy.OldestFirst, later, later + Lease, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Claim_ManyReviewersAtOnce_NeverHandOneItemTwice(StorageProvider provider)
    {
        const int Items = 30;
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Get<PredictionStore>().InsertNewAsync(Enumerable.Range(0, Items).Select(i => Entry($"p{i}", i / 100.0)).ToList(), Ct);
        var queue = database.Get<ReviewQueueStore>();
        var now = database.Time.GetUtcNow();
        var handedOut = new ConcurrentBag<(long Id, string Reviewer)>();
        // Rounds of 12 reviewers released at once race for the same top item, until the queue is empty.
        for (var round = 0; handedOut.Count < Items && round < Items; round++)
        {
            var roundGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var claims = Enumerable.Range(0, 12).Select(n => Task.Run(async () =>
            {
                var reviewer = $"r{round}-{n}";
                await roundGate.Task;
                if (await queue.ClaimAsync(reviewer, null, QueuePolicy.HighestConfidence, now, now + Lease, Ct) is { } id)
                {
                    handedOut.Add((id, reviewer));
                }
            }, Ct)).ToList();
            roundGate.SetResult();
            await Task.WhenAll(claims);
        }

        Assert.Equal(Items, handedOut.Count);
        Assert.Equal(Items, handedOut.Select(h => h.Id).Distinct().Count());
        foreach (var (id, reviewer) in handedOut)
        {
            Assert.True(await queue.RenewAsync(id, reviewer, now, now + Lease, Ct), $"{reviewer} does not hold item {id}");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Claim_WhileAnotherClaimOfTheTopItemIsUncommitted_TakesAnotherItem(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Get<PredictionStore>().InsertNewAsync([Entry("top", 0.99), Entry("next", 0.5)], Ct);
        var queue = database.Get<ReviewQueueStore>();
        var now = database.Time.GetUtcNow();
        var expires = (now + Lease).ToUnixTimeMilliseconds();

        // Alice's claim of the top item, caught between its UPDATE and its COMMIT (as on another instance).
        await using var alice = database.Factory.CreateDbContext();
        await using var aliceClaim = await alice.Database.BeginTransactionAsync(Ct);
        await alice.Database.ExecuteSqlAsync($"""UPDATE "Predictions" SET "LeaseOwner" = 'alice', "LeaseExpiresMs" = {expires} WHERE "ClientId" = 'top'""", Ct);
        // On a thread of its own: Microsoft.Data.Sqlite waits for a lock synchronously, even in its async methods.
        var bob = Task.Run(() => queue.ClaimAsync("bob", null, QueuePolicy.HighestConfidence, now, now + Lease, Ct), Ct);
        await BlockedOrDoneAsync(database, bob);
        await aliceClaim.CommitAsync(Ct);

        Assert.Equal("next", (await queue.GetAsync((await bob)!.Value, Ct))!.ClientId);
        Assert.Equal("alice", await LeaseOwnerAsync(database, "top"));
    }

    /// <summary>
    /// Lets Bob's claim reach the row Alice holds before she commits: done (PostgreSQL skipped the row) or waiting on
    /// her lock (what a claim without SKIP LOCKED does, and then takes her item too). SQLite's busy wait cannot be seen
    /// from outside, so there the claim gets a moment; SQLite serialises writers, it can only wait and then take "next".
    /// </summary>
    private static async Task BlockedOrDoneAsync(TestDatabase database, Task bob)
    {
        if (database.Factory.Provider != StorageProvider.Postgres)
        {
            await Task.WhenAny(bob, Task.Delay(TimeSpan.FromMilliseconds(300), Ct));
            return;
        }
        await using var observer = database.Factory.CreateDbContext();
        await Eventually.TrueAsync(async () => bob.IsCompleted || await observer.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
            .SingleAsync(Ct) > 0, TimeSpan.FromSeconds(10), "Bob's claim finished or waits on Alice's lock");
    }

    private static async Task<string?> LeaseOwnerAsync(TestDatabase database, string clientId)
    {
        await using var db = database.Factory.CreateDbContext();
        return await db.Predictions.Where(p => p.ClientId == clientId).Select(p => p.LeaseOwner).SingleAsync(Ct);
    }
}
