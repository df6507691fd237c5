using System.Net;
using System.Net.Http.Json;
using System.Text;
using MonitorDashboard.Accounts;
using MonitorDashboard.Review.Privacy;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Review;

public sealed class PredictionPrivacyTests : IAsyncLifetime
{
    private const string Secret = "anna.secret@example.org";
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _app.Settings["Review:AgreementSampleRate"] = "0";
        _app.Settings["Review:Privacy:voice:RedactPatterns:0"] = "email";
        _app.Settings["Review:Privacy:voice:UserIdPath"] = "user.id";
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static object Prediction(string id, string user, string text = "hello", string shadow = "hello", DateTimeOffset? ts = null) => new
    {
        id, model = "voice", ts = (ts ?? DateTimeOffset.UtcNow).ToString("O"),
        input = new { user = new { id = user }, text },
        production = new { output = new { text }, source = "human" },
        shadow = new { output = new { text = shadow }, version = "v2", confidence = 0.9 },
    };

    private async Task PostAsync(params object[] predictions) =>
        (await _client.PostAsJsonAsync("/api/v1/predictions", predictions)).EnsureSuccessStatusCode();

    private IReadOnlyList<string> StoredIds() => _app.Query("SELECT ClientId FROM Predictions ORDER BY ClientId").Select(v => (string)v!).ToList();

    [Fact]
    public async Task Post_InputWithAnEmailAddress_MaskedBeforeStorageSoNoFileOfTheDatabaseFolderHoldsIt()
    {
        await PostAsync(Prediction("p1", "u1", text: $"please mail {Secret}", shadow: $"please mail {Secret}."));

        var folder = Path.GetDirectoryName(_app.DatabasePath)!;
        var needle = Encoding.UTF8.GetBytes(Secret);
        var files = Directory.GetFiles(folder);
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal)); // the WAL is searched too
        Assert.All(files, file => Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(file)} holds the raw address"));
        Assert.Contains(PayloadRedactor.Mask, (string)_app.Query("SELECT InputJson FROM Predictions").Single()!);
        Assert.Contains("u1", (string)_app.Query("SELECT InputJson FROM Predictions").Single()!);
    }

    [Fact]
    public async Task Prune_UnlabelledPastRetention_RemovedWhileLabelledAndRecentOnesStay()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-31);
        await PostAsync(Prediction("old-unlabelled", "u1", ts: old), Prediction("old-labelled", "u2", "yes", "no", ts: old), Prediction("recent", "u3"));
        var claimed = await (await _client.PostAsJsonAsync("/api/v1/review/claim", new { })).ReadJsonAsync();
        var id = claimed.GetProperty("id").GetInt64();
        (await _client.PostAsJsonAsync($"/api/v1/review/{id}/label", new { verdict = "production" })).EnsureSuccessStatusCode();

        var deleted = await _app.Services.GetRequiredService<PredictionPrivacyService>().PruneAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["old-labelled", "recent"], StoredIds());
    }

    [Fact]
    public async Task Erase_ByUserId_RemovesExactlyThatUsersPredictionsAndAuditsAHashNotTheId()
    {
        await PostAsync(Prediction("a1", "user-7"), Prediction("a2", "user-7", "x", "y"), Prediction("b1", "user-70"), Prediction("c1", "someone"));

        var response = await _client.PostAsJsonAsync("/api/v1/predictions/erase", new { userId = "user-7" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("deleted").GetInt64());
        Assert.Equal(["b1", "c1"], StoredIds());
        var audit = Assert.Single(await _app.Services.GetRequiredService<AuditLog>().ListAsync(50), e => e.Action == "predictions.erase");
        Assert.StartsWith("user sha256:", audit.Target);
        Assert.DoesNotContain("user-7", audit.Target + audit.NewValue);
    }

    [Fact]
    public async Task Erase_WithoutUserIdOrByANonAdmin_RefusedAndNothingDeleted()
    {
        await PostAsync(Prediction("a1", "user-7"));
        var lead = _app.CreateClientWithKey((await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("lead", Roles.Lead, "test")).Secret);

        var missing = await _client.PostAsJsonAsync("/api/v1/predictions/erase", new { model = "voice" });
        var forbidden = await lead.PostAsJsonAsync("/api/v1/predictions/erase", new { userId = "user-7" });
        var unsearchable = await _client.PostAsJsonAsync("/api/v1/predictions/erase", new { userId = "user-7", model = "other" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.ReadJsonAsync()).GetProperty("errors").TryGetProperty("userId", out _));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.True((await unsearchable.ReadJsonAsync()).GetProperty("errors").TryGetProperty("model", out _));
        Assert.Equal(["a1"], StoredIds());
    }
}
