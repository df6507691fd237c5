using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MonitorDashboard.Storage;

/// <summary>
/// A prepared statement driven through SQLite's own API on a Microsoft.Data.Sqlite connection. The hottest
/// statements (a point insert per event, a rollup row per minute of a week) run millions of times, and
/// SqliteCommand spends more per execution on its parameter binding, reader and checks than SQLite spends
/// on the statement itself; here each bind or column is one native call.
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private const int Row = 100; // SQLITE_ROW
    private const int Done = 101; // SQLITE_DONE

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    /// <summary>Parameters are numbered ?1, ?2, ... in <paramref name="sql"/>.</summary>
    public NativeStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Rows changed by the last <see cref="Execute"/> on this connection.</summary>
    public int Changes => raw.sqlite3_changes(_database);

    /// <summary>The rowid of the last row inserted on this connection.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_database);

    public NativeStatement Bind(int parameter, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, parameter, value));
        return this;
    }

    public NativeStatement Bind(int parameter, double value)
    {
        Check(raw.sqlite3_bind_double(_statement, parameter, value));
        return this;
    }

    public NativeStatement Bind(int parameter, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, parameter, value));
        return this;
    }

    public NativeStatement Bind(int parameter, string value)
    {
        Check(raw.sqlite3_bind_text(_statement, parameter, value));
        return this;
    }

    /// <summary>Runs a statement that returns no rows and makes it ready to run again.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != Done)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    /// <summary>Starts a query again from its first row (bindings are kept until bound anew).</summary>
    public void Restart() => Check(raw.sqlite3_reset(_statement));

    /// <summary>Steps to the next row of a query; false after the last.</summary>
    public bool Next()
    {
        var result = raw.sqlite3_step(_statement);
        if (result is Row or Done)
        {
            return result == Row;
        }
        SqliteException.ThrowExceptionForRC(result, _database);
        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public double Double(int column) => raw.sqlite3_column_double(_statement, column);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>Valid until the next step: read it in place, do not keep it.</summary>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
