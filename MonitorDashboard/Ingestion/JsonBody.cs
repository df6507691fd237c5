using System.Text.Json;

namespace MonitorDashboard.Ingestion;

/// <summary>A posted JSON body: the parsed document, or why there is none (too large, or not JSON).</summary>
public sealed class JsonBody : IDisposable
{
    // The document reads from the body's pooled bytes, so both are released together.
    private readonly PooledBody? _bytes;

    private JsonBody(JsonDocument? document, bool tooLarge, string? malformed, PooledBody? bytes = null) =>
        (Document, TooLarge, Malformed, _bytes) = (document, tooLarge, malformed, bytes);

    public JsonDocument? Document { get; }

    public bool TooLarge { get; }

    /// <summary>The parser's message when the body is not valid JSON.</summary>
    public string? Malformed { get; }

    /// <summary>Reads at most <paramref name="maxBytes"/> and parses it; never throws for anything a client sends.</summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, long maxBytes, int maxDepth, CancellationToken cancellationToken)
    {
        var bytes = await PooledBody.ReadAsync(request, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return new JsonBody(null, tooLarge: true, null);
        }
        try
        {
            return new JsonBody(JsonDocument.Parse(bytes.Memory, new JsonDocumentOptions { MaxDepth = maxDepth }), tooLarge: false, null, bytes);
        }
        catch (JsonException ex)
        {
            bytes.Dispose();
            return new JsonBody(null, tooLarge: false, $"is not valid JSON: {ex.Message}");
        }
    }

    public void Dispose()
    {
        Document?.Dispose();
        _bytes?.Dispose();
    }
}
