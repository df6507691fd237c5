using Npgsql;

namespace MonitorDashboard.Storage.Postgres;

/// <summary>The writer's connections: the same server as EF's, with its few statements prepared automatically after their first use.</summary>
public static class WriterDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // Parsed and planned once per connection, not once per commit (a setting in the connection string wins).
            builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        }
        return builder.Build();
    }
}
