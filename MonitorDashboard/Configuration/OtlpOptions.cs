using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>The OpenTelemetry (OTLP) metrics receiver and how its data maps onto series (section <c>Otlp</c>).</summary>
public sealed class OtlpOptions : ISectionOptions
{
    public static string Section => "Otlp";

    /// <summary>Port of the OTLP/gRPC endpoint (cleartext HTTP/2, beside the main URLs); 0 turns gRPC off.</summary>
    [Range(0, 65535)]
    public int GrpcPort { get; set; } = 4317;

    /// <summary>
    /// Most points one histogram data point becomes; larger counts are scaled down keeping bucket proportions, so a
    /// quantile moves by at most about 1/this of its rank.
    /// </summary>
    [Range(10, 10_000)]
    public int MaxPointsPerHistogram { get; set; } = 200;

    /// <summary>Most events one export may turn into; a larger export gets 413 (gRPC: ResourceExhausted) so the sender splits it.</summary>
    [Range(1, 1_000_000)]
    public int MaxEventsPerRequest { get; set; } = 100_000;

    /// <summary>Cumulative streams whose previous value is remembered (for deltas); the least recently seen are forgotten first.</summary>
    [Range(100, 10_000_000)]
    public int MaxCumulativeStreams { get; set; } = 100_000;

    /// <summary>Durations in s, us or ns (and the bounds of their histograms) are stored in ms, the catalog's unit.</summary>
    public bool ConvertDurationsToMilliseconds { get; set; } = true;

    /// <summary>Attribute naming the model (resource attribute, as OpenTelemetry sets it).</summary>
    [Required]
    public string ModelAttribute { get; set; } = "service.name";

    /// <summary>Attributes naming the version, comma-separated, first found wins (data point attributes before resource ones).</summary>
    [Required]
    public string VersionAttributes { get; set; } = "model.version,service.version";

    /// <summary>Attributes naming the stage, comma-separated, first found wins; none: the stage is the model.</summary>
    [Required]
    public string StageAttributes { get; set; } = "model.stage,pipeline.stage";

    /// <summary>Attribute naming the family (software, input or output) of a metric; wins over <see cref="MetricKinds"/>.</summary>
    [Required]
    public string KindAttribute { get; set; } = "metric.kind";

    /// <summary>Family by metric name; a key ending in <c>*</c> matches names starting with the rest. Unlisted metrics are software.</summary>
    public Dictionary<string, string> MetricKinds { get; set; } = new(StringComparer.Ordinal)
    {
        ["http.server.request.duration"] = "software",
        ["http.server.active_requests"] = "software",
        ["http.client.request.duration"] = "software",
        ["process.memory.usage"] = "software",
        ["process.cpu.time"] = "software",
        ["gen_ai.client.operation.duration"] = "software",
        ["gen_ai.client.token.usage"] = "output",
        ["model.input.*"] = "input",
        ["model.output.*"] = "output",
    };
}
