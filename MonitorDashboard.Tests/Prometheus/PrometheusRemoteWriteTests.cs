using System.Net;
using MonitorDashboard.Accounts;
using MonitorDashboard.Ingestion.Prometheus;
using MonitorDashboard.Ingestion.Prometheus.Wire;
using MonitorDashboard.Tests.Support;
using static MonitorDashboard.Tests.Support.RemoteWriteRequests;

namespace MonitorDashboard.Tests.Prometheus;

/// <summary>Prometheus remote write 1.0 at /api/v1/prom/write: snappy protobuf in, samples stored, Prometheus' status codes out.</summary>
public sealed class PrometheusRemoteWriteTests : IAsyncLifetime
{
    private const string WritePath = "/api/v1/prom/write";
    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Write_SnappyWriteRequest_Returns204AndSamplesStored()
    {
        var now = DateTimeOffset.UtcNow;
        var stale = BitConverter.UInt64BitsToDouble(RemoteWriteTranslator.StaleMarkerBits);
        var request = new WriteRequest
        {
            Timeseries =
            {
                Series(new Dictionary<string, string> { ["__name__"] = "http_requests_total", ["job"] = "ranker", ["version"] = "v7", ["stage"] = "rerank", ["code"] = "200" },
                    (10, now.AddSeconds(-20)), (15, now.AddSeconds(-10)), (stale, now)),
                Series(new Dictionary<string, string> { ["__name__"] = "model_input_tokens", ["job"] = "ranker", ["service"] = "ranker-a" }, (42, now.AddSeconds(-5))),
            },
        };

        var response = await _client.PostAsync(WritePath, Snappy(request), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var requests = (await _client.SeriesAsync("ranker")).Named("http_requests_total");
        Assert.Equal("v7", requests.GetProperty("version").GetString());
        Assert.Equal("rerank", requests.GetProperty("stage").GetString());
        Assert.Equal("software", requests.GetProperty("kind").GetString());
        Assert.Equal("200", requests.GetProperty("tags").GetProperty("code").GetString());
        var bucket = await _client.BucketAsync("ranker", "http_requests_total", now.AddMinutes(-1), now.AddMinutes(1));
        Assert.Equal(2, bucket.GetProperty("count").GetInt64()); // the stale marker is not a value
        Assert.Equal(15, bucket.GetProperty("last").GetDouble());
        // service wins over job; the model_input_ prefix maps to the input family
        var tokens = (await _client.SeriesAsync("ranker-a")).Named("model_input_tokens");
        Assert.Equal("input", tokens.GetProperty("kind").GetString());
        Assert.Equal("ranker-a", tokens.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Write_UncompressedProtobuf_Returns400AndStoresNothing()
    {
        var request = new WriteRequest { Timeseries = { Series(new Dictionary<string, string> { ["__name__"] = "up", ["job"] = "ranker" }, (1, DateTimeOffset.UtcNow)) } };

        var response = await _client.PostAsync(WritePath, Body(Google.Protobuf.MessageExtensions.ToByteArray(request)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _client.SeriesAsync("ranker"));
    }

    [Fact]
    public async Task Write_SnappyButNotProtobuf_Returns400()
    {
        var response = await _client.PostAsync(WritePath, Body(Snappier.Snappy.CompressToArray([0x0a, 0xff, 0xff, 0xff, 0x01])), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Write_WrongContentType_Returns415()
    {
        var request = new WriteRequest { Timeseries = { Series(new Dictionary<string, string> { ["__name__"] = "up", ["job"] = "ranker" }, (1, DateTimeOffset.UtcNow)) } };
        var body = Snappier.Snappy.CompressToArray(Google.Protobuf.MessageExtensions.ToByteArray(request));

        var response = await _client.PostAsync(WritePath, Body(body, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await _client.SeriesAsync("ranker"));
    }

    [Fact]
    public async Task Write_DecompressesPastTheLimit_Returns413()
    {
        var zeros = new byte[5 * 1024 * 1024]; // compresses to a few hundred KB, over the 4 MiB limit once decompressed

        var response = await _client.PostAsync(WritePath, Body(Snappier.Snappy.CompressToArray(zeros)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Write_NoKey_Returns401()
    {
        using var anonymous = _app.CreateAnonymousClient();

        var response = await anonymous.PostAsync(WritePath, Snappy(new WriteRequest()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Write_ViewerKey_Returns403()
    {
        var viewer = (await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("viewer", Roles.Viewer, "test")).Secret;
        using var client = _app.CreateClientWithKey(viewer);

        var response = await client.PostAsync(WritePath, Snappy(new WriteRequest()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
