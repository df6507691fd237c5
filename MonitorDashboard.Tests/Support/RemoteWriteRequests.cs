using Google.Protobuf;
using MonitorDashboard.Ingestion.Prometheus.Wire;

namespace MonitorDashboard.Tests.Support;

/// <summary>Builds Prometheus remote write bodies as Prometheus sends them: a protobuf WriteRequest in a snappy block.</summary>
public static class RemoteWriteRequests
{
    public static TimeSeries Series(IReadOnlyDictionary<string, string> labels, params (double Value, DateTimeOffset Time)[] samples)
    {
        var series = new TimeSeries();
        series.Labels.AddRange(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new Label { Name = l.Key, Value = l.Value }));
        series.Samples.AddRange(samples.Select(s => new Sample { Value = s.Value, Timestamp = s.Time.ToUnixTimeMilliseconds() }));
        return series;
    }

    public static ByteArrayContent Snappy(WriteRequest request) => Body(Snappier.Snappy.CompressToArray(request.ToByteArray()));

    public static ByteArrayContent Body(byte[] bytes, string contentType = "application/x-protobuf")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new(contentType);
        content.Headers.ContentEncoding.Add("snappy");
        content.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
        return content;
    }
}
