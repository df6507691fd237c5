using System.Diagnostics;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Live;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion;

/// <summary>
/// The single writer: takes every request waiting in the queue, commits them in one transaction (group commit:
/// one fsync for many requests), then answers each request and tells live viewers. On shutdown it drains the queue.
/// </summary>
public sealed class GroupCommitWriter(
    IngestionQueue queue,
    IPointStore store,
    LiveFanout live,
    IngestCounters counters,
    IOptions<IngestOptions> options,
    IOptions<StorageOptions> storageOptions,
    ILogger<GroupCommitWriter> logger) : BackgroundService
{
    private volatile bool _running;
    private volatile bool _lastCommitFailed;
    // Reused from commit to commit: a few thousand points make an array on the large-object heap, which only a full
    // (gen 2) collection frees.
    private readonly List<PointWrite> _writes = [];

    /// <summary>True while the loop runs and the last commit (if any) succeeded; readiness reports it.</summary>
    public bool IsHealthy => _running && !_lastCommitFailed;

    public bool IsRunning => _running;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path: catching up rollups of a large database takes a while, and readiness waits for it.
        await Task.Yield();
        var batch = new List<PendingWrite>();
        try
        {
            CatchUpRollups();
            _running = true;
            _ = RequestRollupSavesAsync(stoppingToken);
            // Not cancelled by stoppingToken: on shutdown the queue is closed and this loop drains it, then ends.
            while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                var events = 0;
                while (events < options.Value.MaxEventsPerCommit && queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                    events += pending.Events.Count;
                }
                if (events > 0)
                {
                    await CommitAsync(batch, events);
                }
                else
                {
                    SaveRollups();
                    batch.ForEach(p => p.Succeed(new IngestResult(0, 0)));
                }
            }
        }
        finally
        {
            SaveRollups();
            _running = false;
        }
    }

    /// <summary>
    /// Rollups are saved with a commit at most once per interval; when ingestion pauses, this puts an empty write in
    /// the queue so the writer saves them (a timer per commit would cost more than the commit at one event per request).
    /// </summary>
    private async Task RequestRollupSavesAsync(CancellationToken stoppingToken)
    {
        var interval = storageOptions.Value.RollupFlushIntervalMilliseconds;
        if (interval == 0)
        {
            return; // saved with every commit
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interval));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!store.HasUnsavedRollups)
                {
                    continue;
                }
                try
                {
                    _ = queue.EnqueueAsync([]);
                }
                catch (IngestionRejectedException)
                {
                    // A full queue means the writer is busy committing, and it saves rollups with its commits;
                    // a closed one means it is stopping, and it saves what is left as it stops.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    /// <summary>Minutes whose rollups a crash kept from being saved (or the upgrade that added rollups marked) are rolled up before new points.</summary>
    private void CatchUpRollups()
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var minutes = store.CatchUpRollups();
            if (minutes > 0)
            {
                logger.LogInformation("Rolled up {Minutes} series-minutes left pending in {Seconds:F1} s", minutes, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
        catch (Exception ex)
        {
            // The next commit tries again; until then long-range charts miss those points.
            logger.LogError(ex, "Rolling up stored points failed");
        }
    }

    private void SaveRollups()
    {
        try
        {
            store.FlushRollups();
        }
        catch (Exception ex)
        {
            // The points are stored; their rollups are rebuilt from them by the next commit.
            logger.LogError(ex, "Saving rollups failed");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        await base.StopAsync(cancellationToken);
        logger.LogInformation("Ingestion writer drained its queue and stopped");
    }

    private async Task CommitAsync(List<PendingWrite> batch, int eventCount)
    {
        var writes = _writes;
        writes.Clear();
        writes.EnsureCapacity(eventCount);
        foreach (var pending in batch)
        {
            foreach (var e in pending.Events)
            {
                writes.Add(new PointWrite(e.Id, e.Series, e.TimestampMs, e.Value));
            }
        }

        var started = Stopwatch.GetTimestamp();
        bool[] stored;
        try
        {
            stored = await store.AppendAsync(writes, CancellationToken.None);
            _lastCommitFailed = false;
        }
        catch (Exception ex)
        {
            _lastCommitFailed = true;
            counters.RecordFailedCommit();
            counters.AddQueued(-eventCount);
            logger.LogError(ex, "Commit of {Requests} requests ({Events} events) failed; they were answered 503", batch.Count, eventCount);
            var rejection = new IngestionRejectedException("Storage is unavailable; nothing of this request was stored.", ex);
            batch.ForEach(p => p.Fail(rejection));
            return;
        }
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        counters.AddQueued(-eventCount);

        // Nobody watching (a headless ingest node, a benchmark): no live points to build.
        var watched = live.HasAudience;
        var points = new List<LivePoint>(watched ? eventCount : 0);
        var offset = 0;
        int acceptedTotal = 0;
        foreach (var pending in batch)
        {
            var accepted = 0;
            foreach (var e in pending.Events)
            {
                if (stored[offset++])
                {
                    accepted++;
                    if (watched)
                    {
                        points.Add(LivePoint.Of(e.Series, DateTimeOffset.FromUnixTimeMilliseconds(e.TimestampMs), e.Value));
                    }
                }
            }
            acceptedTotal += accepted;
            pending.Succeed(new IngestResult(accepted, pending.Events.Count - accepted));
        }
        counters.RecordCommit(acceptedTotal, eventCount - acceptedTotal, elapsedMs);
        try
        {
            live.Publish(points);
        }
        catch (Exception ex)
        {
            // The events are durable and answered; a failing live view must never stop the writer.
            logger.LogError(ex, "Publishing {Count} committed points to live viewers failed", points.Count);
        }
    }
}
