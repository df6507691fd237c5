using System.Diagnostics.Metrics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Otlp;

/// <summary>
/// The real OpenTelemetry .NET SDK exporting to the app on real sockets, over OTLP/HTTP protobuf and OTLP/gRPC: a
/// counter, a histogram and an observable gauge, each read back through the query API.
/// </summary>
public sealed class OtlpSdkExportTests : IAsyncLifetime
{
    private const string Model = "asr-otel";
    private readonly OtlpKestrelAppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Export_SdkOverHttpProtobuf_EachMetricQueryableWithModelVersionStageAndFamily() =>
        await ExportAndCheckAsync(OtlpExportProtocol.HttpProtobuf, new Uri(_app.Address, "v1/metrics"), "http");

    [Fact]
    public async Task Export_SdkOverGrpc_EachMetricQueryableWithModelVersionStageAndFamily()
    {
        _ = _app.Address; // starts the server
        await ExportAndCheckAsync(OtlpExportProtocol.Grpc, _app.GrpcAddress, "grpc");
    }

    [Fact]
    public async Task Start_WithGrpcPort_MainUrlFromSettingsStillServesHttp1()
    {
        using var client = _app.CreateRealClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal(_app.MainPort, client.BaseAddress!.Port);
    }

    private async Task ExportAndCheckAsync(OtlpExportProtocol protocol, Uri endpoint, string stage)
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        using var meter = new Meter($"tests.{stage}");
        var predictions = meter.CreateCounter<long>("predictions");
        var latency = meter.CreateHistogram<double>("http.server.request.duration", "s", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.075, 0.1, 0.25],
        });
        meter.CreateObservableGauge("model.input.queue", () => 7);
        using var provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService(Model, serviceVersion: "v3").AddAttributes([new("model.stage", stage)]))
            .AddMeter(meter.Name)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Protocol = protocol;
                exporter.Endpoint = endpoint;
                exporter.Headers = $"x-api-key={TestAccounts.AdminKey}";
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 600_000; // only ForceFlush exports
            })
            .Build();

        predictions.Add(5, new KeyValuePair<string, object?>("metric.kind", "output"), new("label", "cat"));
        for (var i = 1; i <= 100; i++)
        {
            latency.Record(i / 1000.0); // 1 ms to 100 ms: p95 is 95 ms, in the (75 ms, 100 ms] bucket
        }
        Assert.True(provider.ForceFlush(10_000), "the first export failed");
        predictions.Add(3, new KeyValuePair<string, object?>("metric.kind", "output"), new("label", "cat"));
        Assert.True(provider.ForceFlush(10_000), "the second export failed");

        using var client = _app.CreateRealClient();
        var series = await client.SeriesAsync(Model);
        foreach (var (name, kind) in new[] { ("predictions", "output"), ("http.server.request.duration", "software"), ("model.input.queue", "input") })
        {
            var one = Assert.Single(series, s => s.GetProperty("name").GetString() == name && s.GetProperty("stage").GetString() == stage);
            Assert.Equal("v3", one.GetProperty("version").GetString());
            Assert.Equal(kind, one.GetProperty("kind").GetString());
        }
        var after = DateTimeOffset.UtcNow.AddSeconds(5);
        // The SDK sends cumulative totals (5, then 8): stored as the deltas 5 and 3.
        Assert.Equal(8, (await client.StageBucketAsync(Model, "predictions", stage, before, after)).GetProperty("sum").GetDouble());
        var histogram = await client.StageBucketAsync(Model, "http.server.request.duration", stage, before, after);
        Assert.InRange(histogram.GetProperty("p95").GetDouble(), 75, 100); // seconds stored as milliseconds
        Assert.Equal(100, (await client.StageBucketAsync(Model, "http.server.request.duration.count", stage, before, after)).GetProperty("sum").GetDouble());
        Assert.Equal(7, (await client.StageBucketAsync(Model, "model.input.queue", stage, before, after)).GetProperty("last").GetDouble());
    }
}
