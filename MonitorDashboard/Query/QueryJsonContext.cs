using System.Text.Json;
using System.Text.Json.Serialization;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Query;

/// <summary>
/// Source-generated serializers for the read API's answers: a week's chart is thousands of buckets, and generated
/// code writes them without reflection-built metadata.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<SeriesBuckets>))]
[JsonSerializable(typeof(IReadOnlyList<SeriesInfo>))]
internal sealed partial class QueryJsonContext : JsonSerializerContext;
