namespace MonitorDashboard.Configuration;

/// <summary>The database engine (<c>Storage:Provider</c>). PostgreSQL is for several instances sharing one database.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
