using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion.Otlp;
using MonitorDashboard.Ingestion.Prometheus.Wire;
using MonitorDashboard.Ingestion.Receivers;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion.Prometheus;

/// <summary>
/// Turns a remote write 1.0 request into events: <c>__name__</c> is the metric, the configured labels name model,
/// version, stage and family, every other label becomes a tag. Samples are stored as they are (counters stay
/// cumulative, as Prometheus queries expect). Like the OTLP receiver it refuses single samples, never the request,
/// because Prometheus drops a whole batch it gets a 400 for.
/// </summary>
public sealed class RemoteWriteTranslator
{
    public const string NameLabel = "__name__";

    /// <summary>Prometheus marks a series that stopped with this exact NaN (value.StaleNaN in its source).</summary>
    public const ulong StaleMarkerBits = 0x7ff0000000000002;

    private readonly string[] _modelLabels;
    private readonly string _versionLabel;
    private readonly string _stageLabel;
    private readonly string _kindLabel;
    private readonly HashSet<string> _identityLabels;
    private readonly KindMap _kinds;
    private readonly IOptions<IngestOptions> _ingest;
    private readonly TimeProvider _time;

    public RemoteWriteTranslator(IOptions<PrometheusOptions> options, IOptions<IngestOptions> ingest, TimeProvider time)
    {
        var settings = options.Value;
        _modelLabels = OtlpSeriesMapping.SplitList(settings.ModelLabels);
        _versionLabel = settings.VersionLabel;
        _stageLabel = settings.StageLabel;
        _kindLabel = settings.KindLabel;
        _identityLabels = [NameLabel, _versionLabel, _stageLabel, _kindLabel, .. _modelLabels];
        _kinds = new KindMap(settings.MetricKinds);
        _ingest = ingest;
        _time = time;
    }

    public static bool IsStaleMarker(double value) => BitConverter.DoubleToUInt64Bits(value) == StaleMarkerBits;

    public RemoteWriteTranslation Translate(WriteRequest request)
    {
        var translation = new RemoteWriteTranslation();
        var latestMs = _time.GetUtcNow().ToUnixTimeMilliseconds() + (_ingest.Value.MaxFutureSkewSeconds * 1000L);
        foreach (var timeSeries in request.Timeseries)
        {
            var series = Map(timeSeries, translation.Refusals, out var problem);
            if (series is null)
            {
                translation.Refusals.Refuse(timeSeries.Samples.Count, problem!);
                continue;
            }
            foreach (var sample in timeSeries.Samples)
            {
                if (IsStaleMarker(sample.Value))
                {
                    translation.StaleMarkers++;
                }
                else if (!double.IsFinite(sample.Value))
                {
                    translation.Refusals.Refuse(1, "values must be finite numbers (NaN and infinities are not stored)");
                }
                else if (sample.Timestamp < 0 || sample.Timestamp > latestMs)
                {
                    translation.Refusals.Refuse(1, $"timestamps must lie after 1970 and at most {_ingest.Value.MaxFutureSkewSeconds} s in the future");
                }
                else
                {
                    translation.Events.Add(new MetricEvent { TimestampMs = sample.Timestamp, Series = series.Value, Value = sample.Value });
                }
            }
        }
        return translation;
    }

    private SeriesKey? Map(TimeSeries timeSeries, RefusalTally refusals, out string? problem)
    {
        problem = null;
        string? Label(string name) => timeSeries.Labels.FirstOrDefault(l => l.Name == name)?.Value;
        var name = Label(NameLabel);
        var model = _modelLabels.Select(Label).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var version = Label(_versionLabel) is { Length: > 0 } v ? v : MetricEvent.DefaultVersion;
        var stage = Label(_stageLabel) is { Length: > 0 } s ? s : model;
        if (!MetricNames.IsValid(name))
        {
            problem = $"the {NameLabel} label {MetricNames.Rule}";
            return null;
        }
        if (!MetricNames.IsValid(model) || !MetricNames.IsValid(version) || !MetricNames.IsValid(stage))
        {
            problem = $"a model label ({string.Join(" or ", _modelLabels)}) is required, and it, {_versionLabel} and {_stageLabel} {MetricNames.Rule}";
            return null;
        }
        var (tags, dropped) = TagLimiter.Limit(timeSeries.Labels
            .Where(l => !_identityLabels.Contains(l.Name))
            .Select(l => new KeyValuePair<string, string?>(l.Name, l.Value)));
        refusals.DropTags(dropped);
        var kind = _kinds.Resolve(name!, Label(_kindLabel));
        return new SeriesKey { Model = model!, Version = version, Stage = stage!, Kind = kind.ToWire(), Name = name!, Tags = tags };
    }
}
