using System.Data.Common;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Postgres;
using Npgsql;

namespace MonitorDashboard.Storage.Reading;

/// <summary>Opens the configured engine's <see cref="IPointReader"/> on a context's open connection.</summary>
public sealed class PointReaders(StorageProvider provider)
{
    public IPointReader Open(DbConnection connection) => provider == StorageProvider.Postgres
        ? new PostgresPointReader((NpgsqlConnection)connection)
        : new SqlitePointReader((SqliteConnection)connection);
}
