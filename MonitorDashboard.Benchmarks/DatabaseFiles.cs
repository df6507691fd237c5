using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// The bytes a SQLite database occupies: the file plus its WAL and shared-memory index, and how much of the file
/// the rollups take (measured by deleting them afterwards: this build of SQLite has no dbstat table).
/// </summary>
public sealed record DatabaseFiles(long DatabaseBytes, long WalBytes, long SharedMemoryBytes, long RollupBytes)
{
    public long TotalBytes => DatabaseBytes + WalBytes + SharedMemoryBytes;

    /// <summary>
    /// Measure only once the app is gone; this destroys the rollups. The app is stopped with SIGKILL, which leaves its
    /// WAL behind; a checkpoint first moves the WAL into the file, as the app's own clean shutdown would, so the figure
    /// is the steady-state size. Then the rollups are deleted and the freed pages released (the app's files use
    /// auto_vacuum=INCREMENTAL): the file shrinks by what they took.
    /// </summary>
    public static DatabaseFiles Measure(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        var total = SizeOf(databasePath);
        var measured = new DatabaseFiles(total, SizeOf(databasePath + "-wal"), SizeOf(databasePath + "-shm"), RollupBytes: 0);
        Execute(connection, "DELETE FROM Rollups");
        Execute(connection, "PRAGMA incremental_vacuum");
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        return measured with { RollupBytes = total - SizeOf(databasePath) };
    }

    public long RawBytes => DatabaseBytes - RollupBytes;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Megabytes (2^20 bytes) per million points stored.</summary>
    public double MegabytesPerMillion(long points) => PerMillion(TotalBytes, points);

    public static double PerMillion(long bytes, long points) => points == 0 ? double.NaN : bytes / 1024.0 / 1024.0 / points * 1_000_000;

    private static long SizeOf(string path) => new FileInfo(path) is { Exists: true } file ? file.Length : 0;
}
