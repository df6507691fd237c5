using System.Text.Json;
using MonitorDashboard.Configuration;
using MonitorDashboard.Review;
using MonitorDashboard.Review.Privacy;
using MonitorDashboard.Storage.Review;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage.Review;

/// <summary>Erasure by user and retention by age on both engines (each names its own JSON function).</summary>
public sealed class PredictionPrivacyStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PredictionEntry Entry(string id, string input, long timestampMs = 1_000)
    {
        var json = JsonDocument.Parse("{}").RootElement;
        return new PredictionEntry(new Prediction(id, timestampMs, "asr", null, json, json, "rules", null, json, "v2", null), input, "{}", "{}", false, true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task DeleteOfUser_MatchesTheValueAtThePath_TextOrNumber(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Get<PredictionStore>().InsertNewAsync([
            Entry("a", """{"user":{"id":"u1"}}"""), Entry("b", """{"user":{"id":"u2"}}"""), Entry("c", """{"user":{"id":42}}"""), Entry("d", "{}")], Ct);
        var privacy = database.Get<PredictionPrivacyStore>();

        var u1 = await privacy.DeleteOfUserAsync("asr", PredictionPrivacyService.JsonPath("user.id"), "u1", 100, Ct);
        var numeric = await privacy.DeleteOfUserAsync("asr", PredictionPrivacyService.JsonPath("user.id"), "42", 100, Ct);
        var nobody = await privacy.DeleteOfUserAsync("asr", PredictionPrivacyService.JsonPath("user.id"), "u9", 100, Ct);

        Assert.Equal((1, 1, 0), (u1, numeric, nobody));
        Assert.Equal(["b", "d"], await StoredIdsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task DeleteOlderThan_AtMostTheLimit_OnlyOlderUnlabelled(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Get<PredictionStore>().InsertNewAsync([Entry("old1", "{}", 1), Entry("old2", "{}", 2), Entry("old3", "{}", 3), Entry("new", "{}", 5_000)], Ct);
        var privacy = database.Get<PredictionPrivacyStore>();

        var first = await privacy.DeleteOlderThanAsync("asr", labelled: false, cutoff: DateTimeOffset.FromUnixTimeMilliseconds(100), limit: 2, Ct);
        var second = await privacy.DeleteOlderThanAsync("asr", labelled: false, cutoff: DateTimeOffset.FromUnixTimeMilliseconds(100), limit: 2, Ct);

        Assert.Equal((2, 1), (first, second));
        Assert.Equal(["new"], await StoredIdsAsync(database));
    }

    private static async Task<List<string>> StoredIdsAsync(TestDatabase database)
    {
        await using var db = database.Factory.CreateDbContext();
        return [.. db.Predictions.Select(p => p.ClientId).OrderBy(id => id)];
    }
}
