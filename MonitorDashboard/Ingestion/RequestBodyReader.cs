using System.Buffers;

namespace MonitorDashboard.Ingestion;

/// <summary>Reads a request body into memory, refusing to read more than a limit (also for chunked bodies without Content-Length).</summary>
public static class RequestBodyReader
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes) + 1);
        while (true)
        {
            var span = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(span, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}
