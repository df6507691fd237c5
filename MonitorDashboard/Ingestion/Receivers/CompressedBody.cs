using System.Buffers;
using System.IO.Compression;
using Snappier;

namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>
/// Reads a compressed request body within a limit that holds for the compressed and the decompressed size alike, so a
/// small gzip or snappy bomb cannot make the server allocate more than the limit.
/// </summary>
public static class CompressedBody
{
    /// <summary>OTLP/HTTP: <c>Content-Encoding: gzip</c>, or none.</summary>
    public static async Task<ReceivedBody> ReadGzipOrPlainAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var isGzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!isGzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return ReceivedBody.Unsupported(encoding);
        }
        var raw = await RequestBodyReader.ReadAsync(request, maxBytes, cancellationToken);
        if (raw is null)
        {
            return ReceivedBody.OverLimit;
        }
        return isGzip ? await GunzipAsync(raw.Value, maxBytes, cancellationToken) : ReceivedBody.Of(raw.Value);
    }

    /// <summary>Prometheus remote write: the snappy block format (not the framed stream), always.</summary>
    public static async Task<ReceivedBody> ReadSnappyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length > 0 && !encoding.Equals("snappy", StringComparison.OrdinalIgnoreCase))
        {
            return ReceivedBody.Unsupported(encoding);
        }
        var raw = await RequestBodyReader.ReadAsync(request, maxBytes, cancellationToken);
        if (raw is null)
        {
            return ReceivedBody.OverLimit;
        }
        try
        {
            // The block format states its decompressed length up front: check it before allocating.
            if (Snappy.GetUncompressedLength(raw.Value.Span) > maxBytes)
            {
                return ReceivedBody.OverLimit;
            }
            return ReceivedBody.Of(Snappy.DecompressToArray(raw.Value.Span));
        }
        catch (InvalidDataException ex)
        {
            return ReceivedBody.Corrupt($"is not a valid snappy block: {ex.Message}");
        }
    }

    private static async Task<ReceivedBody> GunzipAsync(ReadOnlyMemory<byte> compressed, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            await using var gzip = new GZipStream(new MemoryStream(compressed.ToArray(), writable: false), CompressionMode.Decompress);
            var buffer = new ArrayBufferWriter<byte>(Math.Max(1024, compressed.Length * 4));
            while (true)
            {
                var read = await gzip.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken);
                if (read == 0)
                {
                    return ReceivedBody.Of(buffer.WrittenMemory);
                }
                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return ReceivedBody.OverLimit;
                }
            }
        }
        catch (InvalidDataException ex)
        {
            return ReceivedBody.Corrupt($"is not valid gzip: {ex.Message}");
        }
    }
}
