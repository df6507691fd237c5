namespace MonitorDashboard.Ingestion;

/// <summary>Reads a request body into memory, refusing to read more than a limit (also for chunked bodies without Content-Length).</summary>
public static class RequestBodyReader
{
    /// <returns>The body as an array of its own, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        using var body = await PooledBody.ReadAsync(request, maxBytes, cancellationToken);
        return body?.Memory.ToArray();
    }
}
