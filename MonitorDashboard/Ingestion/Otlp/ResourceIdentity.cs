using OpenTelemetry.Proto.Common.V1;
using Google.Protobuf.Collections;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>What a resource says about the model: its name (null when missing or invalid) and its attributes for later look-ups.</summary>
public sealed record ResourceIdentity(string? Model, RepeatedField<KeyValue> Attributes);
