using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using MonitorDashboard.Accounts;
using MonitorDashboard.Ingestion.Receivers;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using RpcStatus = Google.Rpc.Status;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// OTLP/gRPC <c>MetricsService/Export</c>. The same API keys as everywhere (gRPC metadata is HTTP/2 headers, so
/// <c>authorization: Bearer ...</c> and <c>x-api-key</c> reach the usual handler); authorization is checked here rather
/// than by endpoint metadata so that refusals are gRPC statuses (Unauthenticated, PermissionDenied), not HTTP pages.
/// Retryable refusals carry a <c>google.rpc.RetryInfo</c>, which OTLP senders read as "retry after".
/// </summary>
public sealed class OtlpGrpcMetricsService(OtlpMetricsReceiver receiver, IAuthorizationService authorization) : MetricsService.MetricsServiceBase
{
    public override async Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Send an API key as metadata 'authorization: Bearer <key>' or 'x-api-key: <key>'."));
        }
        if (!(await authorization.AuthorizeAsync(user, Policies.Ingest)).Succeeded)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "This API key may not post data; use a key with the Ingest role."));
        }
        var result = await receiver.ExportAsync(user, request);
        var outcome = result.Outcome;
        return outcome.Status switch
        {
            WriteStatus.Stored => result.Response,
            WriteStatus.RateLimited => throw Refusal(StatusCode.ResourceExhausted, outcome.Message!, outcome.RetryAfter),
            WriteStatus.TooLarge => throw Refusal(StatusCode.ResourceExhausted, outcome.Message!, retryAfter: null),
            _ => throw Refusal(StatusCode.Unavailable, outcome.Message!, outcome.RetryAfter),
        };
    }

    private static RpcException Refusal(StatusCode code, string message, TimeSpan? retryAfter)
    {
        var trailers = new Metadata();
        if (retryAfter is { } delay)
        {
            var details = new RpcStatus { Code = (int)code, Message = message, Details = { Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }) } };
            trailers.Add("grpc-status-details-bin", details.ToByteArray());
        }
        return new RpcException(new Status(code, message), trailers);
    }
}
