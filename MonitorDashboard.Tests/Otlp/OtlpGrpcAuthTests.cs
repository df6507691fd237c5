using Grpc.Core;
using Grpc.Net.Client;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using static MonitorDashboard.Tests.Support.OtlpRequests;

namespace MonitorDashboard.Tests.Otlp;

/// <summary>OTLP/gRPC refusals as gRPC statuses, over the in-memory server (gRPC metadata are the same HTTP/2 headers as on a socket).</summary>
public sealed class OtlpGrpcAuthTests : IAsyncLifetime
{
    private readonly MonitorDashboardFactory _app = new();

    public ValueTask InitializeAsync()
    {
        // A bucket of 5 events refilled at 1 a second: the budget test's second export of 10 points cannot pass.
        _app.Settings["Auth:IngestEventBurst"] = "5";
        _app.Settings["Auth:IngestEventsPerSecond"] = "1";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Export_NoKey_Unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ExportAsync(new Metadata()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Export_ViewerKeyAsBearer_PermissionDenied()
    {
        var viewer = (await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("viewer", Roles.Viewer, "test")).Secret;

        var error = await Assert.ThrowsAsync<RpcException>(() => ExportAsync(new Metadata { { "authorization", $"Bearer {viewer}" } }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Export_OverTheKeysBudget_ResourceExhaustedWithRetryInfoAndNothingStored()
    {
        var key = new Metadata { { "x-api-key", TestAccounts.AdminKey } };
        await ExportAsync(key, points: 10); // larger than the bucket: passes once, taking all of it

        var error = await Assert.ThrowsAsync<RpcException>(() => ExportAsync(key, points: 10));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var details = Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.True(details.Details.Single().Is(Google.Rpc.RetryInfo.Descriptor));
        using var client = _app.CreateClient();
        var bucket = await client.BucketAsync("asr", "queue.depth", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(10, bucket.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Export_IngestKey_StoredAndAnswered()
    {
        var ingest = (await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("service", Roles.Ingest, "test")).Secret;

        var response = await ExportAsync(new Metadata { { "x-api-key", ingest } });

        Assert.Null(response.PartialSuccess);
        using var client = _app.CreateClient();
        Assert.Single(await client.SeriesAsync("asr"));
    }

    private async Task<ExportMetricsServiceResponse> ExportAsync(Metadata headers, int points = 1)
    {
        using var channel = GrpcChannel.ForAddress(_app.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _app.Server.CreateHandler() });
        var now = DateTimeOffset.UtcNow;
        var request = Export("asr", Gauge("queue.depth", [.. Enumerable.Range(0, points).Select(i => Number(i, now))]));
        return await new MetricsService.MetricsServiceClient(channel).ExportAsync(request, headers, cancellationToken: TestContext.Current.CancellationToken);
    }
}
