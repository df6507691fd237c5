using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Ingestion.Cardinality;

/// <summary>
/// A client that keeps sending new series past a limit costs the server as much as real ingestion (every batch is read,
/// parsed and checked) while nothing of it is stored, and on a small machine that slows every other team's ingestion.
/// So once an API key's refused events in the current window pass <see cref="CardinalityOptions.RefusedEventsBeforeBackoff"/>,
/// its requests are answered 429 with Retry-After until the window ends, before their bodies are read.
/// Memory: one small entry per API key.
/// </summary>
public sealed class RefusalBackoff(IOptions<CardinalityOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public void Record(string? client, int refused)
    {
        var window = _windows.GetOrAdd(client ?? "unknown", _ => new Window());
        lock (window)
        {
            Roll(window);
            window.Refused += refused;
        }
    }

    /// <summary>True while the key is backing off; <paramref name="retryAfter"/> is what is left of its window.</summary>
    public bool MustWait(string? client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var threshold = options.Value.RefusedEventsBeforeBackoff;
        if (threshold == 0 || !_windows.TryGetValue(client ?? "unknown", out var window))
        {
            return false;
        }
        lock (window)
        {
            Roll(window);
            if (window.Refused < threshold)
            {
                return false;
            }
            retryAfter = TimeSpan.FromMilliseconds(window.StartMs + WindowMs - Now);
            return true;
        }
    }

    private long WindowMs => options.Value.BackoffWindowSeconds * 1_000L;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    private void Roll(Window window)
    {
        if (Now - window.StartMs >= WindowMs)
        {
            window.StartMs = Now;
            window.Refused = 0;
        }
    }

    private sealed class Window
    {
        public long StartMs;
        public long Refused;
    }
}
