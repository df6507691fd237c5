using System.Text;
using Google.Protobuf;
using Microsoft.Net.Http.Headers;
using OpenTelemetry.Proto.Collector.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>Reading and writing OTLP/HTTP bodies in either encoding, with the content types the OTLP specification names.</summary>
public static class OtlpHttpMessages
{
    public const string ProtobufContentType = "application/x-protobuf";
    public const string JsonContentType = "application/json";

    // OTLP/JSON puts trace and span ids in hex where the protobuf JSON mapping expects base64; we ignore exemplars,
    // and 16 or 32 hex digits are always valid base64, so the ids parse (to bytes nobody reads) instead of failing.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static OtlpEncoding? FromContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return null;
        }
        return mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase) ? OtlpEncoding.Protobuf
            : mediaType.MediaType.Equals(JsonContentType, StringComparison.OrdinalIgnoreCase) ? OtlpEncoding.Json
            : null;
    }

    public static string ContentType(OtlpEncoding encoding) => encoding == OtlpEncoding.Protobuf ? ProtobufContentType : JsonContentType;

    /// <returns>The request, or null with the parser's reason when the body is not a valid message.</returns>
    public static ExportMetricsServiceRequest? Parse(OtlpEncoding encoding, ReadOnlyMemory<byte> body, out string? problem)
    {
        problem = null;
        try
        {
            return encoding == OtlpEncoding.Protobuf
                ? ExportMetricsServiceRequest.Parser.ParseFrom(body.Span)
                : Parser.Parse<ExportMetricsServiceRequest>(Encoding.UTF8.GetString(body.Span));
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException or FormatException or ArgumentException)
        {
            problem = $"The body is not a valid {encoding} ExportMetricsServiceRequest: {ex.Message}";
            return null;
        }
    }

    public static byte[] Serialize(OtlpEncoding encoding, IMessage message) =>
        encoding == OtlpEncoding.Protobuf ? message.ToByteArray() : Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(message));
}
