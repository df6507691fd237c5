using Microsoft.Data.Sqlite;
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
public sealed class PointStore(IDbContextFactory<MonitorDbContext> factory, TimeProvider time, IOptions<StorageOptions> options) : IDisposable
{
    private const int CatchUpChunk = 50_000;

    private readonly Dictionary<SeriesKey, long> _seriesIds = [];
    private readonly RollupMaintainer _rollups = new(TimeSpan.FromMilliseconds(options.Value.RollupFlushIntervalMilliseconds), time);
    private WriterConnection? _writer;
    private bool _rollupsBehind = true;

    /// <summary>True when stored points wait in memory for their rollups to be saved (the writer saves them when idle).</summary>
    public bool HasUnsavedRollups => _rollups.HasUnsavedPoints;

    /// <summary>Stores all points in one transaction; returns, per point, whether it was new (false: its event id was already stored).</summary>
    public Task<bool[]> AppendAsync(IReadOnlyList<PointWrite> points, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rollupsBehind)
        {
            CatchUpRollups();
        }
        var newSeries = new Dictionary<SeriesKey, long>();
        var stored = InTransaction((writer, transaction) => Append(writer, transaction, points, newSeries));
        // Only ids of committed series may be cached: a rolled-back insert would leave a dangling id.
        foreach (var (key, id) in newSeries)
        {
            _seriesIds[key] = id;
        }
        return Task.FromResult(stored);
    }

    /// <summary>Saves the rollups still held in memory.</summary>
    public void FlushRollups()
    {
        if (_rollups.HasUnsavedPoints)
        {
            InTransaction((_, transaction) =>
            {
                _rollups.Flush(transaction);
                return true;
            });
        }
    }

    /// <summary>
    /// Rolls up the points stored after the saved progress mark: after a crash, or on the first start after an
    /// upgrade from a version without rollups. One transaction per chunk; returns how many points it read.
    /// </summary>
    public long CatchUpRollups()
    {
        long total = 0;
        int read;
        do
        {
            read = InTransaction((writer, transaction) => CatchUpChunkOf(writer, transaction));
            total += read;
        }
        while (read == CatchUpChunk);
        _rollupsBehind = false;
        return total;
    }

    public void Dispose()
    {
        _rollups.Dispose();
        _writer?.Dispose();
    }

    private bool[] Append(WriterConnection writer, SqliteTransaction transaction, IReadOnlyList<PointWrite> points, Dictionary<SeriesKey, long> newSeries)
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

            writer.InsertPoint.Bind(1, seriesId).Bind(2, point.TimestampMs).Bind(3, point.Value).Execute();
            _rollups.Add(transaction, writer.InsertPoint.LastInsertRowId, seriesId, point.TimestampMs, point.Value);
            stored[i] = true;
        }

        if (_rollups.FlushDue)
        {
            _rollups.Flush(transaction);
        }
        return stored;
    }

    private int CatchUpChunkOf(WriterConnection writer, SqliteTransaction transaction)
    {
        var after = (long)writer.ReadProgress.ExecuteScalar()!;
        writer.ReadPointsAfter.Parameters[0].Value = after;
        writer.ReadPointsAfter.Parameters[1].Value = CatchUpChunk;
        var count = 0;
        using (var reader = writer.ReadPointsAfter.ExecuteReader())
        {
            while (reader.Read())
            {
                _rollups.Add(transaction, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3));
                count++;
            }
        }
        if (count > 0)
        {
            _rollups.Flush(transaction);
        }
        return count;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on the long-lived connection and commits it. On failure the
    /// connection and the rollups held in memory are dropped, so the next call starts again from what the database holds.
    /// </summary>
    private T InTransaction<T>(Func<WriterConnection, SqliteTransaction, T> work)
    {
        if (_writer is null)
        {
            _writer = new WriterConnection(factory.CreateDbContext(), options.Value.WriterLockTimeoutSeconds);
            _rollups.Bind(_writer.Connection);
        }
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            _writer.Enlist(transaction);
            var result = work(_writer, transaction);
            transaction.Commit();
            return result;
        }
        catch
        {
            _rollups.Reset();
            _rollupsBehind = true;
            _writer.Dispose();
            _writer = null;
            throw;
        }
    }
}
