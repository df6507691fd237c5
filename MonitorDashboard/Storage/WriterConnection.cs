using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Storage.Blocks;
using MonitorDashboard.Storage.EventIds;
using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Storage;

/// <summary>
/// The writer's long-lived connection and its prepared statements. Opening a context and preparing its statements
/// per commit cost more than the commit itself at one event per request, so they are made once and reused.
/// The connection is opened through EF, so it gets the same pragmas as every other connection.
/// </summary>
internal sealed class WriterConnection : IDisposable
{
    private readonly MonitorDbContext _db;

    public WriterConnection(MonitorDbContext db, int lockTimeoutSeconds)
    {
        _db = db;
        try
        {
            Open(lockTimeoutSeconds);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void Open(int lockTimeoutSeconds)
    {
        _db.Database.OpenConnection();
        Connection = (SqliteConnection)_db.Database.GetDbConnection();
        // Commands inherit it: how long a statement retries while another connection holds the write lock.
        Connection.DefaultTimeout = lockTimeoutSeconds;
        Blocks = new BlockStatements(Connection);
        EventIds = new EventIdLog(Connection);
        Legacy = new LegacyRowImporter(Connection);
        FindSeries = SqliteStatements.Prepare(Connection,
            "SELECT Id FROM Series WHERE Model=$model AND Stage=$stage AND Version=$version AND Kind=$kind AND Name=$name AND Tags=$tags",
            "$model", "$stage", "$version", "$kind", "$name", "$tags");
        InsertSeries = SqliteStatements.Prepare(Connection,
            "INSERT INTO Series (Model, Stage, Version, Kind, Name, Tags, CreatedMs) VALUES ($model, $stage, $version, $kind, $name, $tags, $now) RETURNING Id",
            "$model", "$stage", "$version", "$kind", "$name", "$tags", "$now");
        Rollups = new RollupTables(Connection);
        Rebuilder = new RollupRebuilder(Connection, Rollups);
    }

    public SqliteConnection Connection { get; private set; } = null!;
    public BlockStatements Blocks { get; private set; } = null!;
    public EventIdLog EventIds { get; private set; } = null!;
    public LegacyRowImporter Legacy { get; private set; } = null!;
    public RollupTables Rollups { get; private set; } = null!;
    public RollupRebuilder Rebuilder { get; private set; } = null!;
    public SqliteCommand FindSeries { get; private set; } = null!;
    public SqliteCommand InsertSeries { get; private set; } = null!;

    /// <summary>Microsoft.Data.Sqlite requires each command to name the connection's open transaction (native statements just run in it).</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        FindSeries.Transaction = transaction;
        InsertSeries.Transaction = transaction;
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

    // Null-conditional: a constructor that failed half-way disposes what it had made.
    public void Dispose()
    {
        Rebuilder?.Dispose();
        Rollups?.Dispose();
        Blocks?.Dispose();
        EventIds?.Dispose();
        Legacy?.Dispose();
        FindSeries?.Dispose();
        InsertSeries?.Dispose();
        _db.Dispose();
    }
}
