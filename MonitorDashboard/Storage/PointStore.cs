using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>
/// The hot insert path. EF's change tracker costs far more per row than a prepared statement (see docs/benchmarks.md),
/// so the writer appends through prepared statements on one long-lived connection (<see cref="WriterConnection"/>),
/// one transaction per call, and keeps the rollups (<see cref="RollupMaintainer"/>) in step.
/// Used by the single writer only, which is why nothing here is locked.
/// </summary>
public sealed class PointStore(
    IDbContextFactory<MonitorDbContext> factory, TimeProvider time, IOptions<StorageOptions> options, IOptions<RetentionOptions> retention) : IDisposable
{
    private const int CatchUpChunk = 10_000;

    private readonly Dictionary<SeriesKey, long> _seriesIds = [];
    private readonly Dictionary<long, (long TimestampMs, int Seq)> _lastPointBySeries = [];
    private readonly RollupMaintainer _rollups = new(TimeSpan.FromMilliseconds(options.Value.RollupFlushIntervalMilliseconds), time);
    private WriterConnection? _writer;
    // Read by the writer's save timer too, hence volatile.
    private volatile bool _rollupsBehind = true;

    /// <summary>
    /// True when rollups wait to be saved: points held in memory, or minutes left pending by a failed transaction.
    /// The writer saves them when idle.
    /// </summary>
    public bool HasUnsavedRollups => _rollups.HasUnsavedPoints || _rollupsBehind;

    /// <summary>False until the minutes left pending (by a crash, a failed transaction or the upgrade) are rolled up again.</summary>
    public bool RollupsCaughtUp => !_rollupsBehind;

    /// <summary>Stores all points in one transaction; returns, per point, whether it was new (false: its event id was already stored).</summary>
    public Task<bool[]> AppendAsync(IReadOnlyList<PointWrite> points, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rollupsBehind)
        {
            CatchUpRollups();
        }
        var newSeries = new Dictionary<SeriesKey, long>();
        var stored = InTransaction(writer => Append(writer, points, newSeries));
        // Only ids of committed series may be cached: a rolled-back insert would leave a dangling id.
        foreach (var (key, id) in newSeries)
        {
            _seriesIds[key] = id;
        }
        return Task.FromResult(stored);
    }

    /// <summary>Saves the rollups still held in memory, after rolling up minutes a failed transaction left pending.</summary>
    public void FlushRollups()
    {
        if (_rollupsBehind)
        {
            CatchUpRollups();
        }
        if (_rollups.HasUnsavedPoints)
        {
            InTransaction(writer =>
            {
                _rollups.Save(writer.Rollups);
                return true;
            });
        }
    }

    /// <summary>
    /// Rolls up again the minutes whose rollups were not saved (after a crash, or marked by the upgrade that added
    /// rollups). One transaction per chunk of minutes; returns how many minutes it rebuilt.
    /// </summary>
    public long CatchUpRollups()
    {
        var now = time.GetUtcNow();
        var rawKeptFrom = (now - TimeSpan.FromDays(retention.Value.RawPointsDays)).ToUnixTimeMilliseconds();
        var minutesKeptFrom = (now - TimeSpan.FromDays(retention.Value.MinuteRollupDays)).ToUnixTimeMilliseconds();
        long total = 0;
        int rebuilt;
        do
        {
            rebuilt = InTransaction(writer => writer.Rebuilder.RebuildChunk(CatchUpChunk, rawKeptFrom, minutesKeptFrom));
            total += rebuilt;
        }
        while (rebuilt == CatchUpChunk);
        _rollupsBehind = false;
        return total;
    }

    public void Dispose() => _writer?.Dispose();

    private bool[] Append(WriterConnection writer, IReadOnlyList<PointWrite> points, Dictionary<SeriesKey, long> newSeries)
    {
        var stored = new bool[points.Count];
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.EventId is not null)
            {
                writer.ClaimId.Bind(1, point.EventId).Bind(2, now).Execute();
                if (writer.ClaimId.Changes == 0)
                {
                    continue; // already stored by an earlier request or earlier in this one
                }
            }

            if (!_seriesIds.TryGetValue(point.Series, out var seriesId) && !newSeries.TryGetValue(point.Series, out seriesId))
            {
                seriesId = writer.FindOrCreateSeries(point.Series, now);
                newSeries[point.Series] = seriesId;
            }

            Insert(writer, seriesId, point);
            _rollups.Add(writer.Rollups, seriesId, point.TimestampMs, point.Value);
            stored[i] = true;
        }

        if (_rollups.SaveDue)
        {
            _rollups.Save(writer.Rollups);
        }
        return stored;
    }

    /// <summary>
    /// Points of a series stamped with the same millisecond (a batch sent without times gets the receive time) are
    /// numbered 0, 1, 2 ...; the next number is known from memory, and read from the table only when it was taken.
    /// </summary>
    private void Insert(WriterConnection writer, long seriesId, PointWrite point)
    {
        var seq = _lastPointBySeries.TryGetValue(seriesId, out var last) && last.TimestampMs == point.TimestampMs ? last.Seq + 1 : 0;
        writer.InsertPoint.Bind(1, seriesId).Bind(2, point.TimestampMs).Bind(3, seq).Bind(4, point.Value).Execute();
        if (writer.InsertPoint.Changes == 0)
        {
            seq = writer.NextSeqFor(seriesId, point.TimestampMs);
            writer.InsertPoint.Bind(3, seq).Execute();
        }
        _lastPointBySeries[seriesId] = (point.TimestampMs, seq);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on the long-lived connection and commits it. On failure the
    /// connection and the rollups held in memory are dropped, so the next call starts again from what the database holds
    /// (the pending log rolled back with the points, so it still names every minute not saved).
    /// </summary>
    private T InTransaction<T>(Func<WriterConnection, T> work)
    {
        _writer ??= new WriterConnection(factory.CreateDbContext(), options.Value.WriterLockTimeoutSeconds);
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            _writer.Enlist(transaction);
            var result = work(_writer);
            transaction.Commit();
            return result;
        }
        catch
        {
            _rollups.Reset();
            _lastPointBySeries.Clear();
            _rollupsBehind = true;
            _writer.Dispose();
            _writer = null;
            throw;
        }
    }
}
