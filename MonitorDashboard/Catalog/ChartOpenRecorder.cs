using System.Collections.Concurrent;
using MonitorDashboard.Storage.Catalog;

namespace MonitorDashboard.Catalog;

/// <summary>
/// Counts how often each metric's chart is opened (a metric page shown to a user, or its filter changed), for the
/// catalog's "unused" marking. Counting is an in-memory increment on the page's path; the counts are written in one
/// batch every <see cref="FlushInterval"/> and when the app stops, so a busy page never waits on the database.
/// </summary>
public sealed class ChartOpenRecorder(ChartOpenStore store, TimeProvider time, ILogger<ChartOpenRecorder> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(30);
    private const long DayMs = 86_400_000;
    private ConcurrentDictionary<(string Model, string Name, long DayMs), long> _pending = new();

    public void Record(string model, IEnumerable<string> names)
    {
        var day = time.GetUtcNow().ToUnixTimeMilliseconds() / DayMs * DayMs;
        foreach (var name in names)
        {
            _pending.AddOrUpdate((model, name, day), 1, (_, n) => n + 1);
        }
    }

    /// <summary>Writes the counts gathered since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var taken = Interlocked.Exchange(ref _pending, new());
        if (!taken.IsEmpty)
        {
            await store.AddAsync(taken, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: the last counts are written below
        }
        await FlushQuietlyAsync(CancellationToken.None);
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Opens are a hint for the catalog: losing one batch must not stop the app or the counting.
            logger.LogWarning(ex, "Saving chart-open counts failed");
        }
    }
}
