using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>How Prometheus remote write labels map onto series (section <c>Prometheus</c>).</summary>
public sealed class PrometheusOptions : ISectionOptions
{
    public static string Section => "Prometheus";

    /// <summary>
    /// Labels naming the model, comma-separated, first found wins. <c>service</c> comes before <c>job</c> because every
    /// scraped series has a <c>job</c>: a <c>service</c> label is only there when someone set it on purpose.
    /// </summary>
    [Required]
    public string ModelLabels { get; set; } = "service,job";

    /// <summary>Label naming the version.</summary>
    [Required]
    public string VersionLabel { get; set; } = "version";

    /// <summary>Label naming the stage; without it the stage is the model.</summary>
    [Required]
    public string StageLabel { get; set; } = "stage";

    /// <summary>Label naming the family (software, input or output); wins over <see cref="MetricKinds"/>.</summary>
    [Required]
    public string KindLabel { get; set; } = "metric_kind";

    /// <summary>Family by metric name; a key ending in <c>*</c> matches names starting with the rest. Unlisted metrics are software.</summary>
    public Dictionary<string, string> MetricKinds { get; set; } = new(StringComparer.Ordinal)
    {
        ["model_input_*"] = "input",
        ["model_output_*"] = "output",
    };
}
