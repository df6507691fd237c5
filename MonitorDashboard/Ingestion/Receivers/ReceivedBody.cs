namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>A request body after decompression: the bytes, or why there are none.</summary>
public sealed record ReceivedBody
{
    public ReadOnlyMemory<byte> Bytes { get; private init; }

    /// <summary>The body (compressed or not) is larger than the limit.</summary>
    public bool TooLarge { get; private init; }

    /// <summary>The Content-Encoding is not one this receiver reads.</summary>
    public string? UnsupportedEncoding { get; private init; }

    /// <summary>The compressed stream is corrupt.</summary>
    public string? Malformed { get; private init; }

    public bool IsReadable => !TooLarge && UnsupportedEncoding is null && Malformed is null;

    public static ReceivedBody Of(ReadOnlyMemory<byte> bytes) => new() { Bytes = bytes };

    public static ReceivedBody OverLimit { get; } = new() { TooLarge = true };

    public static ReceivedBody Unsupported(string encoding) => new() { UnsupportedEncoding = encoding };

    public static ReceivedBody Corrupt(string reason) => new() { Malformed = reason };
}
