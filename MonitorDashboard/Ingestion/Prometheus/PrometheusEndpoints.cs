using System.Globalization;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion.Prometheus.Wire;
using MonitorDashboard.Ingestion.Receivers;

namespace MonitorDashboard.Ingestion.Prometheus;

/// <summary>
/// Prometheus remote write 1.0 (<c>POST /api/v1/prom/write</c>): a snappy-compressed protobuf <c>WriteRequest</c>.
/// Status codes as Prometheus reads them: 204 stored; 400 (and 413, 415) are dropped by Prometheus, not retried, so
/// they are kept for bodies that can never succeed; 429 and 503 with Retry-After are retried.
/// </summary>
public static class PrometheusEndpoints
{
    public const string WritePath = "/api/v1/prom/write";
    public const string ProtobufContentType = "application/x-protobuf";

    public static RouteHandlerBuilder MapPrometheusApi(this IEndpointRouteBuilder app) =>
        app.MapPost(WritePath, PostWriteAsync)
            .RequireAuthorization(Policies.Ingest)
            .WithTags("Prometheus")
            .WithSummary("Prometheus remote write 1.0 (snappy-compressed protobuf WriteRequest); 204 once the samples are on disk.");

    internal static async Task<IResult> PostWriteAsync(
        HttpContext http, RemoteWriteTranslator translator, ReceiverWriter writer, IngestCounters counters, ReceiverCounters receiverCounters,
        IOptions<IngestOptions> ingest, ILogger<RemoteWriteTranslator> logger, CancellationToken cancellationToken)
    {
        var settings = ingest.Value;
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            counters.RecordRejected(0);
            return TypedResults.Text($"Send {ProtobufContentType} (remote write 1.0), not '{http.Request.ContentType}'.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        var body = await CompressedBody.ReadSnappyAsync(http.Request, settings.MaxBodyBytes, cancellationToken);
        if (!body.IsReadable)
        {
            counters.RecordRejected(0);
            return body.TooLarge
                ? TypedResults.Text(string.Create(CultureInfo.InvariantCulture, $"The body is larger than Ingest:MaxBodyBytes ({settings.MaxBodyBytes} bytes, also after decompression)."), statusCode: StatusCodes.Status413PayloadTooLarge)
                : body.UnsupportedEncoding is { } unsupported
                    ? TypedResults.Text($"Content-Encoding '{unsupported}' is not supported; remote write bodies are snappy.", statusCode: StatusCodes.Status415UnsupportedMediaType)
                    : TypedResults.Text($"The body {body.Malformed}", statusCode: StatusCodes.Status400BadRequest);
        }
        WriteRequest request;
        try
        {
            request = WriteRequest.Parser.ParseFrom(body.Bytes.Span);
        }
        catch (InvalidProtocolBufferException ex)
        {
            counters.RecordRejected(0);
            return TypedResults.Text($"The body is not a valid WriteRequest: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        var translation = translator.Translate(request);
        if (translation.Events.Count > settings.MaxEventsPerRequest)
        {
            counters.RecordRejected(translation.Events.Count);
            return TypedResults.Text(string.Create(CultureInfo.InvariantCulture,
                $"{translation.Events.Count} samples are more than Ingest:MaxEventsPerRequest ({settings.MaxEventsPerRequest}); lower queue_config.max_samples_per_send."),
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        var outcome = await writer.WriteAsync(http.User, translation.Events, translation.Refusals);
        if (outcome.Status != WriteStatus.Stored)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(outcome.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var status = outcome.Status == WriteStatus.RateLimited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
            return TypedResults.Text(outcome.Message, statusCode: status);
        }
        if (translation.Refusals.Message("sample(s)") is { } message)
        {
            receiverCounters.Record("prometheus", translation.Refusals);
            logger.LogDebug("Remote write stored {Samples} samples; {Message}", translation.Events.Count, message);
        }
        return TypedResults.NoContent();
    }
}
