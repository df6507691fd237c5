using System.IO.Compression;
using System.Net;
using System.Text;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using static MonitorDashboard.Tests.Support.OtlpRequests;

namespace MonitorDashboard.Tests.Otlp;

/// <summary>OTLP/HTTP at /v1/metrics against the in-memory server: encodings, mapping, cumulative sums and refusals.</summary>
public sealed class OtlpHttpTests : IAsyncLifetime
{
    /// <summary>examples/metrics.json of open-telemetry/opentelemetry-proto (v1.9.0), verbatim.</summary>
    private const string SpecExample = """
        {
          "resourceMetrics": [
            {
              "resource": {
                "attributes": [
                  {
                    "key": "service.name",
                    "value": {
                      "stringValue": "my.service"
                    }
                  }
                ]
              },
              "scopeMetrics": [
                {
                  "scope": {
                    "name": "my.library",
                    "version": "1.0.0",
                    "attributes": [
                      {
                        "key": "my.scope.attribute",
                        "value": {
                          "stringValue": "some scope attribute"
                        }
                      }
                    ]
                  },
                  "metrics": [
                    {
                      "name": "my.counter",
                      "unit": "1",
                      "description": "I am a Counter",
                      "sum": {
                        "aggregationTemporality": 1,
                        "isMonotonic": true,
                        "dataPoints": [
                          {
                            "asDouble": 5,
                            "startTimeUnixNano": 1544712660300000000,
                            "timeUnixNano": 1544712660300000000,
                            "attributes": [
                              {
                                "key": "my.counter.attr",
                                "value": {
                                  "stringValue": "some value"
                                }
                              }
                            ]
                          }
                        ]
                      }
                    },
                    {
                      "name": "my.gauge",
                      "unit": "1",
                      "description": "I am a Gauge",
                      "gauge": {
                        "dataPoints": [
                          {
                            "asDouble": 10,
                            "timeUnixNano": 1544712660300000000,
                            "attributes": [
                              {
                                "key": "my.gauge.attr",
                                "value": {
                                  "stringValue": "some value"
                                }
                              }
                            ]
                          }
                        ]
                      }
                    },
                    {
                      "name": "my.histogram",
                      "unit": "1",
                      "description": "I am a Histogram",
                      "histogram": {
                        "aggregationTemporality": 1,
                        "dataPoints": [
                          {
                            "startTimeUnixNano": 1544712660300000000,
                            "timeUnixNano": 1544712660300000000,
                            "count": 2,
                            "sum": 2,
                            "bucketCounts": [1,1],
                            "explicitBounds": [1],
                            "min": 0,
                            "max": 2,
                            "attributes": [
                              {
                                "key": "my.histogram.attr",
                                "value": {
                                  "stringValue": "some value"
                                }
                              }
                            ]
                          }
                        ]
                      }
                    }
                  ]
                }
              ]
            }
          ]
        }
        """;

    private static readonly DateTimeOffset SpecTime = DateTimeOffset.FromUnixTimeMilliseconds(1544712660300);

    private readonly MonitorDashboardFactory _app = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        // The specification's example is dated 2018-12-13: keep raw points readable that far back.
        _app.Settings["Retention:RawPointsDays"] = "3650";
        _app.Settings["Retention:MinuteRollupDays"] = "3650";
        _client = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PostMetrics_SpecJsonExample_StoredAsExpected()
    {
        var response = await _client.PostAsync("/v1/metrics", new StringContent(SpecExample, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{ }", (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Trim());
        var series = await _client.SeriesAsync("my.service");
        Assert.Equal(["my.counter", "my.gauge", "my.histogram", "my.histogram.count", "my.histogram.sum"], series.Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var counter = series.Named("my.counter");
        Assert.Equal("unversioned", counter.GetProperty("version").GetString());
        Assert.Equal("my.service", counter.GetProperty("stage").GetString());
        Assert.Equal("software", counter.GetProperty("kind").GetString());
        Assert.Equal("some value", counter.GetProperty("tags").GetProperty("my.counter.attr").GetString());

        var from = SpecTime.AddMinutes(-1);
        var to = SpecTime.AddMinutes(1);
        Assert.Equal(5, (await _client.BucketAsync("my.service", "my.counter", from, to)).GetProperty("sum").GetDouble());
        Assert.Equal(10, (await _client.BucketAsync("my.service", "my.gauge", from, to)).GetProperty("last").GetDouble());
        Assert.Equal(2, (await _client.BucketAsync("my.service", "my.histogram.count", from, to)).GetProperty("sum").GetDouble());
        Assert.Equal(2, (await _client.BucketAsync("my.service", "my.histogram.sum", from, to)).GetProperty("sum").GetDouble());
        // One value in (-inf, 1] and one in (1, +inf), closed by min 0 and max 2: the midpoints of [0, 1] and [1, 2].
        var histogram = await _client.BucketAsync("my.service", "my.histogram", from, to);
        Assert.Equal(2, histogram.GetProperty("count").GetInt64());
        Assert.Equal(0.5, histogram.GetProperty("min").GetDouble());
        Assert.Equal(1.5, histogram.GetProperty("max").GetDouble());
    }

    [Fact]
    public async Task PostMetrics_CumulativeCounterWithResets_StoresDeltas()
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(1); // after the app started: its first total is all new
        var restart = start.AddSeconds(20);
        var first = Export("ranker", CumulativeCounter("predictions",
            Number(10, start.AddSeconds(10), start),
            Number(15, start.AddSeconds(15), start)));
        var second = Export("ranker", CumulativeCounter("predictions",
            Number(15, start.AddSeconds(15), start),          // the same point again (a retry): adds nothing
            Number(4, restart.AddSeconds(5), restart),        // new start time: a reset, the whole 4 is new
            Number(6, restart.AddSeconds(10), restart),
            Number(1, restart.AddSeconds(15), restart)));     // went down with the same start: a reset the start time missed

        Assert.Equal(HttpStatusCode.OK, (await _client.PostOtlpAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostOtlpAsync(second)).StatusCode);

        var bucket = await _client.BucketAsync("ranker", "predictions", start, restart.AddSeconds(20));
        Assert.Equal(5, bucket.GetProperty("count").GetInt64()); // 10, 5, 4, 2, 1
        Assert.Equal(22, bucket.GetProperty("sum").GetDouble());
        Assert.Equal(1, bucket.GetProperty("min").GetDouble());
        Assert.Equal(10, bucket.GetProperty("max").GetDouble());
        var rate = await _client.BucketAsync("ranker", "predictions.rate", start, restart.AddSeconds(20));
        Assert.Equal(1, rate.GetProperty("max").GetDouble()); // 10 over the first 10 s, 5 over the next 5 s
    }

    [Fact]
    public async Task PostMetrics_GzipProtobuf_Stored()
    {
        var now = DateTimeOffset.UtcNow;
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Google.Protobuf.MessageExtensions.ToByteArray(Export("asr", Gauge("queue.depth", Number(7, now)))));
        }
        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/x-protobuf");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await _client.PostAsync("/v1/metrics", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Null(answer.PartialSuccess);
        Assert.Equal(7, (await _client.BucketAsync("asr", "queue.depth", now.AddMinutes(-1), now.AddMinutes(1))).GetProperty("last").GetDouble());
    }

    [Fact]
    public async Task PostMetrics_NaNValueAndInvalidName_PartialSuccessCountsRefusedPoints()
    {
        var now = DateTimeOffset.UtcNow;
        var export = Export("asr",
            Gauge("queue.depth", Number(3, now), Number(double.NaN, now)),
            Gauge("not a valid name", Number(1, now)));

        var response = await _client.PostOtlpAsync(export);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, answer.PartialSuccess.RejectedDataPoints);
        Assert.Contains("finite", answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, (await _client.BucketAsync("asr", "queue.depth", now.AddMinutes(-1), now.AddMinutes(1))).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task PostMetrics_MalformedProtobuf_Returns400StatusAndStoresNothing()
    {
        var content = new ByteArrayContent([0x0a, 0xff, 0xff, 0xff, 0x01, 0x02]);
        content.Headers.ContentType = new("application/x-protobuf");

        var response = await _client.PostAsync("/v1/metrics", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = Google.Rpc.Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, status.Code); // InvalidArgument
        Assert.Empty(await _client.SeriesAsync("asr"));
    }

    [Fact]
    public async Task PostMetrics_MalformedJson_Returns400JsonStatus()
    {
        var response = await _client.PostAsync("/v1/metrics", new StringContent("""{"resourceMetrics": [ {""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\": 3", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMetrics_WrongContentType_Returns415AndStoresNothing()
    {
        var json = Google.Protobuf.JsonFormatter.Default.Format(Export("asr", Gauge("queue.depth", Number(1, DateTimeOffset.UtcNow))));

        var response = await _client.PostAsync("/v1/metrics", new StringContent(json, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await _client.SeriesAsync("asr"));
    }

    [Fact]
    public async Task PostMetrics_BodyOverLimit_Returns413AndStoresNothing()
    {
        var now = DateTimeOffset.UtcNow;
        var export = Export("asr", Gauge("queue.depth", [.. Enumerable.Range(0, 200_000).Select(i => Number(i, now))]));

        var response = await _client.PostOtlpAsync(export); // about 5 MB, over the 4 MiB default of Ingest:MaxBodyBytes

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _client.SeriesAsync("asr"));
    }

    [Fact]
    public async Task PostMetrics_NoKey_Returns401()
    {
        using var anonymous = _app.CreateAnonymousClient();

        var response = await anonymous.PostOtlpAsync(Export("asr", Gauge("queue.depth", Number(1, DateTimeOffset.UtcNow))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _client.SeriesAsync("asr"));
    }

    [Fact]
    public async Task PostMetrics_ViewerKey_Returns403()
    {
        var viewer = (await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("viewer", Roles.Viewer, "test")).Secret;
        using var client = _app.CreateClientWithKey(viewer);

        var response = await client.PostOtlpAsync(Export("asr", Gauge("queue.depth", Number(1, DateTimeOffset.UtcNow))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await _client.SeriesAsync("asr"));
    }
}
