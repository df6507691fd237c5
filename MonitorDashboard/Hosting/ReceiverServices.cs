using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion.Otlp;
using MonitorDashboard.Ingestion.Prometheus;
using MonitorDashboard.Ingestion.Receivers;

namespace MonitorDashboard.Hosting;

/// <summary>The receivers of foreign formats: OpenTelemetry (OTLP over HTTP and gRPC) and Prometheus remote write.</summary>
public static class ReceiverServices
{
    public static IServiceCollection AddReceivers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OtlpOptions>(configuration)
            .Validate(o => !KindMap.Problems(o.MetricKinds).Any(), "Otlp:MetricKinds values must be software, input or output");
        services.AddValidatedOptions<PrometheusOptions>(configuration)
            .Validate(o => !KindMap.Problems(o.MetricKinds).Any(), "Prometheus:MetricKinds values must be software, input or output");
        services.AddSingleton<ReceiverWriter>();
        services.AddSingleton<ReceiverCounters>();

        services.AddSingleton<OtlpSeriesMapping>();
        services.AddSingleton<OtlpPointTargets>();
        services.AddSingleton<CumulativeStreams>();
        services.AddSingleton<OtlpDistributions>();
        services.AddSingleton<OtlpTranslator>();
        services.AddSingleton<OtlpMetricsReceiver>();
        services.AddGrpc();
        // gRPC has its own message limit (4 MB by default): the same one as every other ingestion body.
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<IngestOptions>>((grpc, ingest) =>
            grpc.MaxReceiveMessageSize = (int)Math.Min(int.MaxValue, ingest.Value.MaxBodyBytes));

        services.AddSingleton<RemoteWriteTranslator>();
        return services;
    }

    public static IEndpointRouteBuilder MapReceivers(this IEndpointRouteBuilder app)
    {
        app.MapOtlpApi();
        app.MapGrpcService<OtlpGrpcMetricsService>();
        app.MapPrometheusApi();
        return app;
    }
}
