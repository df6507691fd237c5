using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Storage;

/// <summary>
/// Sets the per-connection pragmas on every opened connection. journal_mode=WAL is a property of the file
/// (set once by <see cref="DatabaseInitializer"/>), but synchronous is per connection and must be set each time.
/// </summary>
internal sealed class SqlitePragmaInterceptor(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    // An enum name from a fixed set: no configuration text ever reaches the SQL.
    private readonly string _pragmas = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
