using System.Text.Json;

namespace MonitorDashboard.Ingestion;

/// <summary>A posted JSON body: the parsed document, or why there is none (too large, or not JSON).</summary>
public sealed class JsonBody : IDisposable
{
    private JsonBody(JsonDocument? document, bool tooLarge, string? malformed) => (Document, TooLarge, Malformed) = (document, tooLarge, malformed);

    public JsonDocument? Document { get; }

    public bool TooLarge { get; }

    /// <summary>The parser's message when the body is not valid JSON.</summary>
    public string? Malformed { get; }

    /// <summary>Reads at most <paramref name="maxBytes"/> and parses it; never throws for anything a client sends.</summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, long maxBytes, int maxDepth, CancellationToken cancellationToken)
    {
        var bytes = await RequestBodyReader.ReadAsync(request, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return new JsonBody(null, tooLarge: true, null);
        }
        try
        {
            return new JsonBody(JsonDocument.Parse(bytes.Value, new JsonDocumentOptions { MaxDepth = maxDepth }), tooLarge: false, null);
        }
        catch (JsonException ex)
        {
            return new JsonBody(null, tooLarge: false, $"is not valid JSON: {ex.Message}");
        }
    }

    public void Dispose() => Document?.Dispose();
}
