using Google.Protobuf.Collections;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion.Receivers;
using MonitorDashboard.Storage;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Resource.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// Where an OTLP data point goes: model from the resource's <c>service.name</c>; version, stage and family from
/// attributes, looked up on the data point before the resource; the data point's other attributes become tags.
/// Resource attributes never become tags: they hold per-process values such as <c>service.instance.id</c> that would
/// start a new series at every restart. The attribute names come from <see cref="OtlpOptions"/>.
/// </summary>
public sealed class OtlpSeriesMapping
{
    public const string UnknownService = "unknown_service";

    private readonly string _modelAttribute;
    private readonly string[] _versionAttributes;
    private readonly string[] _stageAttributes;
    private readonly string _kindAttribute;
    private readonly HashSet<string> _identityAttributes;
    private readonly KindMap _kinds;

    public OtlpSeriesMapping(IOptions<OtlpOptions> options)
    {
        var settings = options.Value;
        _modelAttribute = settings.ModelAttribute;
        _versionAttributes = SplitList(settings.VersionAttributes);
        _stageAttributes = SplitList(settings.StageAttributes);
        _kindAttribute = settings.KindAttribute;
        _identityAttributes = [_modelAttribute, _kindAttribute, .. _versionAttributes, .. _stageAttributes];
        _kinds = new KindMap(settings.MetricKinds);
    }

    public static string[] SplitList(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The model of a resource; OpenTelemetry SDKs name a service without a name <c>unknown_service</c>, and so do we.</summary>
    public ResourceIdentity Identify(Resource? resource)
    {
        var attributes = resource?.Attributes ?? [];
        var model = OtlpAttributes.Find(attributes, _modelAttribute) ?? UnknownService;
        return new ResourceIdentity(MetricNames.IsValid(model) ? model : null, attributes);
    }

    /// <summary>The series of a data point of metric <paramref name="name"/> (already validated), or why there is none.</summary>
    /// <param name="droppedTags">Attributes that could not become tags (over the limits, not scalar).</param>
    public SeriesKey? Map(ResourceIdentity resource, string name, RepeatedField<KeyValue> attributes, out int droppedTags, out string? problem)
    {
        droppedTags = 0;
        problem = null;
        if (resource.Model is null)
        {
            problem = $"the resource attribute {_modelAttribute} {MetricNames.Rule}";
            return null;
        }
        var version = FirstOf(_versionAttributes, attributes, resource.Attributes) ?? MetricEvent.DefaultVersion;
        var stage = FirstOf(_stageAttributes, attributes, resource.Attributes) ?? resource.Model;
        if (!MetricNames.IsValid(version) || !MetricNames.IsValid(stage))
        {
            problem = $"the version ({version}) and stage ({stage}) attributes {MetricNames.Rule}";
            return null;
        }
        var declaredKind = OtlpAttributes.Find(attributes, _kindAttribute) ?? OtlpAttributes.Find(resource.Attributes, _kindAttribute);
        var kind = _kinds.Resolve(name, declaredKind);
        var (tags, dropped) = TagLimiter.Limit(attributes
            .Where(a => !_identityAttributes.Contains(a.Key))
            .Select(a => new KeyValuePair<string, string?>(a.Key, OtlpAttributes.Text(a.Value))));
        droppedTags = dropped;
        return new SeriesKey { Model = resource.Model, Version = version, Stage = stage, Kind = kind.ToWire(), Name = name, Tags = tags };
    }

    private static string? FirstOf(string[] keys, RepeatedField<KeyValue> pointAttributes, RepeatedField<KeyValue> resourceAttributes)
    {
        foreach (var key in keys)
        {
            if ((OtlpAttributes.Find(pointAttributes, key) ?? OtlpAttributes.Find(resourceAttributes, key)) is { } value)
            {
                return value;
            }
        }
        return null;
    }
}
