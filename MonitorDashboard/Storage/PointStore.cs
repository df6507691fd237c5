using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>
/// The hot insert path. EF's change tracker costs far more per row than a prepared statement (see docs/benchmarks.md),
/// so the writer appends through prepared <see cref="SqliteCommand"/>s on the context's own connection,
/// one transaction per call. Used by the single writer only, which is why the series cache needs no lock.
/// </summary>
public sealed class PointStore(IDbContextFactory<MonitorDbContext> factory, TimeProvider time)
{
    private readonly Dictionary<SeriesKey, long> _seriesIds = [];

    /// <summary>Stores all points in one transaction; returns, per point, whether it was new (false: its event id was already stored).</summary>
    public async Task<bool[]> AppendAsync(IReadOnlyList<PointWrite> points, CancellationToken cancellationToken)
    {
        var stored = new bool[points.Count];
        var newSeries = new Dictionary<SeriesKey, long>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();

        await using var claimId = Prepare(connection, transaction,
            "INSERT OR IGNORE INTO EventIds (Id, ReceivedMs) VALUES ($id, $now)", "$id", "$now");
        await using var insertPoint = Prepare(connection, transaction,
            "INSERT INTO Points (SeriesId, TimestampMs, Value) VALUES ($series, $ts, $value)", "$series", "$ts", "$value");
        await using var findSeries = Prepare(connection, transaction,
            "SELECT Id FROM Series WHERE Model=$model AND Stage=$stage AND Version=$version AND Kind=$kind AND Name=$name AND Tags=$tags",
            "$model", "$stage", "$version", "$kind", "$name", "$tags");
        await using var insertSeries = Prepare(connection, transaction,
            "INSERT INTO Series (Model, Stage, Version, Kind, Name, Tags, CreatedMs) VALUES ($model, $stage, $version, $kind, $name, $tags, $now) RETURNING Id",
            "$model", "$stage", "$version", "$kind", "$name", "$tags", "$now");

        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.EventId is not null)
            {
                claimId.Parameters[0].Value = point.EventId;
                claimId.Parameters[1].Value = now;
                if (await claimId.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    continue; // already stored by an earlier request or earlier in this one
                }
            }

            if (!_seriesIds.TryGetValue(point.Series, out var seriesId) && !newSeries.TryGetValue(point.Series, out seriesId))
            {
                seriesId = await FindOrCreateSeriesAsync(findSeries, insertSeries, point.Series, now, cancellationToken);
                newSeries[point.Series] = seriesId;
            }

            insertPoint.Parameters[0].Value = seriesId;
            insertPoint.Parameters[1].Value = point.TimestampMs;
            insertPoint.Parameters[2].Value = point.Value;
            await insertPoint.ExecuteNonQueryAsync(cancellationToken);
            stored[i] = true;
        }

        await transaction.CommitAsync(cancellationToken);
        // Only ids of committed series may be cached: a rolled-back insert would leave a dangling id.
        foreach (var (key, id) in newSeries)
        {
            _seriesIds[key] = id;
        }
        return stored;
    }

    private static async Task<long> FindOrCreateSeriesAsync(SqliteCommand find, SqliteCommand insert, SeriesKey key, long now, CancellationToken cancellationToken)
    {
        object[] values = [key.Model, key.Stage, key.Version, key.Kind, key.Name, key.Tags];
        for (var p = 0; p < values.Length; p++)
        {
            find.Parameters[p].Value = values[p];
            insert.Parameters[p].Value = values[p];
        }
        if (await find.ExecuteScalarAsync(cancellationToken) is long existing)
        {
            return existing;
        }
        insert.Parameters[^1].Value = now;
        return (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }
}
