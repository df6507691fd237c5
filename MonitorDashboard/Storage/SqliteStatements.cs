using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Storage;

/// <summary>Prepared statements for the hot paths, which reuse one command per statement instead of parsing SQL per row.</summary>
public static class SqliteStatements
{
    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }
}
