using System.Diagnostics;
using Npgsql;

namespace MonitorDashboard.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL for the whole test run: initdb and pg_ctl in a temporary folder, on 127.0.0.1 and a free port,
/// started on first use and stopped when the test process exits. PostgreSQL refuses to run as root, so as root it runs
/// as the <c>postgres</c> user the Debian package creates. Each test gets its own database (<see cref="CreateDatabaseAsync"/>).
/// Without the binaries a test is skipped locally and fails under CI=true: CI must never skip these.
/// </summary>
public sealed class PostgresServer
{
    private const string ServiceUser = "postgres";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => StartAsync(durable: false));
    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port)
    {
        (_folder, _bin, Port) = (folder, bin, port);
    }

    public int Port { get; }

    /// <summary>The run's server; skips (or, in CI, fails) the calling test when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        if (FindBinaries() is null)
        {
            TestMachine.Missing("PostgreSQL binaries not found (apt-get install -y postgresql).");
        }
        return await Shared.Value;
    }

    public static bool Installed => FindBinaries() is not null;

    /// <summary>
    /// A server of its own with PostgreSQL's durable defaults (fsync, synchronous commit), for benchmarks that compare
    /// it with SQLite's durable commits; <see cref="Stop"/> it when done.
    /// </summary>
    public static Task<PostgresServer> StartDurableAsync() => StartAsync(durable: true);

    /// <summary>A fresh, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = ServiceUser, Database = database, Pooling = true }.ToString();

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0).FirstOrDefault()
            : null;

    private static async Task<PostgresServer> StartAsync(bool durable)
    {
        var bin = FindBinaries()!;
        var folder = Directory.CreateTempSubdirectory("monitor-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", [ServiceUser + ":", folder], asServiceUser: false);
        }
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", ServiceUser, "--auth=trust", "-E", "UTF8", "--no-sync"], asRoot);
        var server = new PostgresServer(folder, bin, TestMachine.FreePort());
        // fsync off for tests: a test database need not survive power loss, and the tests share two cores.
        var durability = durable ? "" : " -c fsync=off -c synchronous_commit=off";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "start", "-o",
            $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200{durability}"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>Stops the server and deletes its folder (also done when the process exits).</summary>
    public void Stop()
    {
        var asRoot = Environment.UserName == "root";
        try
        {
            RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The run is over; a server or folder left behind is cleaned by the OS's temp cleanup, never worth a failure.
        }
    }


    private static async Task RunAsync(string file, string[] arguments, bool asServiceUser)
    {
        var start = new ProcessStartInfo(asServiceUser ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asServiceUser)
        {
            foreach (var a in new[] { "-u", ServiceUser, "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
