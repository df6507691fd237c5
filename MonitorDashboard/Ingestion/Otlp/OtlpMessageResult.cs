using Google.Protobuf;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>An OTLP/HTTP answer: a protobuf message (the export response or a <c>google.rpc.Status</c>) in the request's encoding.</summary>
public sealed class OtlpMessageResult(int statusCode, IMessage message, OtlpEncoding encoding) : IResult
{
    public int StatusCode => statusCode;

    public IMessage Message => message;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = OtlpHttpMessages.Serialize(encoding, message);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = OtlpHttpMessages.ContentType(encoding);
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body);
    }
}
