namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>The two OTLP/HTTP body encodings; the answer is always in the encoding of the request.</summary>
public enum OtlpEncoding
{
    Protobuf,
    Json,
}
