using System.Globalization;
using Microsoft.Extensions.Options;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion.Receivers;
using RpcStatus = Google.Rpc.Status;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// OTLP/HTTP metrics (<c>POST /v1/metrics</c>, the path OpenTelemetry exporters append to their endpoint). Errors
/// follow the OTLP specification: a <c>google.rpc.Status</c> body in the request's encoding; 400 for a malformed body
/// (senders do not retry it), 413, 415, and 429 or 503 with Retry-After (senders retry those). 401 and 403 come from
/// the API's authorization, as for every other endpoint.
/// </summary>
public static class OtlpEndpoints
{
    public const string MetricsPath = "/v1/metrics";

    // google.rpc.Code values
    private const int InvalidArgument = 3;
    private const int ResourceExhausted = 8;
    private const int Unavailable = 14;

    public static RouteHandlerBuilder MapOtlpApi(this IEndpointRouteBuilder app) =>
        app.MapPost(MetricsPath, PostMetricsAsync)
            .RequireAuthorization(Policies.Ingest)
            .WithTags("OpenTelemetry")
            .WithSummary("OTLP/HTTP metrics export (protobuf or JSON, optionally gzip); answered once the data is on disk.");

    internal static async Task<IResult> PostMetricsAsync(
        HttpContext http, OtlpMetricsReceiver receiver, IngestCounters counters, IOptions<IngestOptions> ingest, CancellationToken cancellationToken)
    {
        if (OtlpHttpMessages.FromContentType(http.Request.ContentType) is not { } encoding)
        {
            counters.RecordRejected(0);
            return Error(StatusCodes.Status415UnsupportedMediaType, InvalidArgument,
                $"Send {OtlpHttpMessages.ProtobufContentType} or {OtlpHttpMessages.JsonContentType}, not '{http.Request.ContentType}'.", OtlpEncoding.Json);
        }
        var maxBytes = ingest.Value.MaxBodyBytes;
        var body = await CompressedBody.ReadGzipOrPlainAsync(http.Request, maxBytes, cancellationToken);
        if (!body.IsReadable)
        {
            counters.RecordRejected(0);
            return body.TooLarge
                ? Error(StatusCodes.Status413PayloadTooLarge, ResourceExhausted,
                    string.Create(CultureInfo.InvariantCulture, $"The body is larger than Ingest:MaxBodyBytes ({maxBytes} bytes, also after decompression); export fewer data points at a time."), encoding)
                : body.UnsupportedEncoding is { } unsupported
                    ? Error(StatusCodes.Status415UnsupportedMediaType, InvalidArgument, $"Content-Encoding '{unsupported}' is not supported; send gzip or no encoding.", encoding)
                    : Error(StatusCodes.Status400BadRequest, InvalidArgument, $"The body {body.Malformed}", encoding);
        }
        if (OtlpHttpMessages.Parse(encoding, body.Bytes, out var problem) is not { } request)
        {
            counters.RecordRejected(0);
            return Error(StatusCodes.Status400BadRequest, InvalidArgument, problem!, encoding);
        }

        var result = await receiver.ExportAsync(http.User, request);
        var outcome = result.Outcome;
        if (outcome.Status is WriteStatus.RateLimited or WriteStatus.Unavailable)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(outcome.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return outcome.Status switch
        {
            WriteStatus.Stored => new OtlpMessageResult(StatusCodes.Status200OK, result.Response, encoding),
            WriteStatus.RateLimited => Error(StatusCodes.Status429TooManyRequests, ResourceExhausted, outcome.Message!, encoding),
            WriteStatus.TooLarge => Error(StatusCodes.Status413PayloadTooLarge, ResourceExhausted, outcome.Message!, encoding),
            _ => Error(StatusCodes.Status503ServiceUnavailable, Unavailable, outcome.Message!, encoding),
        };
    }

    private static OtlpMessageResult Error(int httpStatus, int rpcCode, string message, OtlpEncoding encoding) =>
        new(httpStatus, new RpcStatus { Code = rpcCode, Message = message }, encoding);
}
