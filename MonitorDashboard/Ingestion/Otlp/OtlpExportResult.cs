using MonitorDashboard.Ingestion.Receivers;
using OpenTelemetry.Proto.Collector.Metrics.V1;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>What became of one export, for the HTTP and the gRPC front door to answer in their own terms.</summary>
/// <param name="Response">The answer when stored: with a partial success when points were refused or attributes dropped.</param>
public sealed record OtlpExportResult(WriteOutcome Outcome, ExportMetricsServiceResponse Response);
