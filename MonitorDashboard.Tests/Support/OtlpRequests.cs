using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Resource.V1;

namespace MonitorDashboard.Tests.Support;

/// <summary>Builds OTLP export requests and posts them as an exporter would.</summary>
public static class OtlpRequests
{
    public static ExportMetricsServiceRequest Export(string service, params Metric[] metrics) => new()
    {
        ResourceMetrics =
        {
            new ResourceMetrics
            {
                Resource = new Resource { Attributes = { Attribute("service.name", service) } },
                ScopeMetrics = { new ScopeMetrics { Scope = new InstrumentationScope { Name = "tests" }, Metrics = { metrics } } },
            },
        },
    };

    public static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static ulong Nanos(DateTimeOffset time) => (ulong)time.ToUnixTimeMilliseconds() * 1_000_000;

    public static NumberDataPoint Number(double value, DateTimeOffset time, DateTimeOffset? start = null) =>
        new() { AsDouble = value, TimeUnixNano = Nanos(time), StartTimeUnixNano = start is { } s ? Nanos(s) : 0 };

    public static Metric Gauge(string name, params NumberDataPoint[] points) => new() { Name = name, Gauge = new Gauge { DataPoints = { points } } };

    public static Metric CumulativeCounter(string name, params NumberDataPoint[] points) => new()
    {
        Name = name,
        Sum = new Sum { AggregationTemporality = AggregationTemporality.Cumulative, IsMonotonic = true, DataPoints = { points } },
    };

    public static ByteArrayContent Protobuf(IMessage message)
    {
        var content = new ByteArrayContent(message.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        return content;
    }

    public static Task<HttpResponseMessage> PostOtlpAsync(this HttpClient client, IMessage request) =>
        client.PostAsync("/v1/metrics", Protobuf(request), TestContext.Current.CancellationToken);
}
