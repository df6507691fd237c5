using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace MonitorDashboard.Storage;

/// <summary>
/// One parameterised statement on a short-lived context's connection, for the few writes EF cannot express in one
/// atomic statement (retention deleting in bounded steps, the chart-open upserts). The SQL must suit both engines:
/// quoted identifiers and <c>@name</c> parameters.
/// </summary>
public sealed class SqlRunner(IDbContextFactory<MonitorDbContext> factory)
{
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var command = await CreateAsync(db, sql, parameters, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var command = await CreateAsync(db, sql, parameters, cancellationToken);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<DbCommand> CreateAsync(MonitorDbContext db, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }
        return command;
    }
}
