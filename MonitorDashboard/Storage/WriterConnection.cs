using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>
/// The writer's long-lived connection and its prepared statements. Opening a context and preparing four statements
/// per commit cost more than the commit itself at one event per request, so they are made once and reused.
/// The connection is opened through EF, so it gets the same pragmas as every other connection.
/// </summary>
internal sealed class WriterConnection : IDisposable
{
    private readonly MonitorDbContext _db;

    public WriterConnection(MonitorDbContext db, int lockTimeoutSeconds)
    {
        _db = db;
        _db.Database.OpenConnection();
        Connection = (SqliteConnection)_db.Database.GetDbConnection();
        // Commands inherit it: how long a statement retries while another connection holds the write lock.
        Connection.DefaultTimeout = lockTimeoutSeconds;
        ClaimId = new NativeStatement(Connection, "INSERT OR IGNORE INTO EventIds (Id, ReceivedMs) VALUES (?1, ?2)");
        InsertPoint = new NativeStatement(Connection, "INSERT INTO Points (SeriesId, TimestampMs, Value) VALUES (?1, ?2, ?3)");
        FindSeries = SqliteStatements.Prepare(Connection,
            "SELECT Id FROM Series WHERE Model=$model AND Stage=$stage AND Version=$version AND Kind=$kind AND Name=$name AND Tags=$tags",
            "$model", "$stage", "$version", "$kind", "$name", "$tags");
        InsertSeries = SqliteStatements.Prepare(Connection,
            "INSERT INTO Series (Model, Stage, Version, Kind, Name, Tags, CreatedMs) VALUES ($model, $stage, $version, $kind, $name, $tags, $now) RETURNING Id",
            "$model", "$stage", "$version", "$kind", "$name", "$tags", "$now");
        ReadProgress = SqliteStatements.Prepare(Connection, $"SELECT LastPointId FROM RollupProgress WHERE Id = {RollupProgressRow.SingletonId}");
        ReadPointsAfter = SqliteStatements.Prepare(Connection,
            "SELECT Id, SeriesId, TimestampMs, Value FROM Points WHERE Id > $after ORDER BY Id LIMIT $limit", "$after", "$limit");
    }

    public SqliteConnection Connection { get; }
    /// <summary>Per event: SQLite's own API, not SqliteCommand (see <see cref="NativeStatement"/>).</summary>
    public NativeStatement ClaimId { get; }
    public NativeStatement InsertPoint { get; }
    public SqliteCommand FindSeries { get; }
    public SqliteCommand InsertSeries { get; }
    public SqliteCommand ReadProgress { get; }
    public SqliteCommand ReadPointsAfter { get; }

    /// <summary>Microsoft.Data.Sqlite requires each command to name the connection's open transaction (native statements just run in it).</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        FindSeries.Transaction = transaction;
        InsertSeries.Transaction = transaction;
        ReadProgress.Transaction = transaction;
        ReadPointsAfter.Transaction = transaction;
    }

    public long FindOrCreateSeries(SeriesKey key, long now)
    {
        object[] values = [key.Model, key.Stage, key.Version, key.Kind, key.Name, key.Tags];
        for (var p = 0; p < values.Length; p++)
        {
            FindSeries.Parameters[p].Value = values[p];
            InsertSeries.Parameters[p].Value = values[p];
        }
        if (FindSeries.ExecuteScalar() is long existing)
        {
            return existing;
        }
        InsertSeries.Parameters[^1].Value = now;
        return (long)InsertSeries.ExecuteScalar()!;
    }

    public void Dispose()
    {
        ClaimId.Dispose();
        InsertPoint.Dispose();
        FindSeries.Dispose();
        InsertSeries.Dispose();
        ReadProgress.Dispose();
        ReadPointsAfter.Dispose();
        _db.Dispose();
    }
}
