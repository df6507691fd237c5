using System.Globalization;
using Google.Protobuf.Collections;
using OpenTelemetry.Proto.Common.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>Reading OTLP attribute lists as text.</summary>
public static class OtlpAttributes
{
    /// <summary>The value of the first attribute named <paramref name="key"/>, as text; null when absent or not a scalar.</summary>
    public static string? Find(RepeatedField<KeyValue>? attributes, string key)
    {
        if (attributes is null)
        {
            return null;
        }
        foreach (var attribute in attributes)
        {
            if (attribute.Key == key)
            {
                return Text(attribute.Value);
            }
        }
        return null;
    }

    /// <summary>A scalar as text (invariant culture); null for lists, maps, bytes and empty values, which make no tag.</summary>
    public static string? Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };
}
