using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MonitorDashboard.Tests.Support;

/// <summary>
/// The real app over the in-memory test server, with its own temporary SQLite file and no demo traffic.
/// <see cref="Settings"/> lets a test class change any configuration key before the host starts.
/// </summary>
public class MonitorDashboardFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-dashboard-tests", Guid.NewGuid().ToString("N"));

    public MonitorDashboardFactory()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "monitor.db");
    }

    public string DatabasePath { get; }

    /// <summary>The app's warnings and errors, for failure messages of tests that wait on background work.</summary>
    public CapturingLoggerProvider Problems { get; } = new(LogLevel.Warning);

    public string ProblemsText => string.Join(Environment.NewLine, Problems.Lines.TakeLast(20));

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Demo:Enabled"] = "false",
        ["Auth:BootstrapApiKey"] = TestAccounts.AdminKey,
        ["Auth:BootstrapAdminPassword"] = TestAccounts.AdminPassword,
        // Rollups saved with every commit: what a test posts is in long-range answers as soon as it is acknowledged.
        ["Storage:RollupFlushIntervalMilliseconds"] = "0",
        // The tests' webhook receivers listen on 127.0.0.1, which the webhook policy refuses by default.
        ["Webhooks:AllowLoopback"] = "true",
        // No OTLP/gRPC port: test apps on real sockets run in parallel and would all want 4317 (OtlpKestrelAppFactory picks a free one).
        ["Otlp:GrpcPort"] = "0",
    };

    /// <summary>
    /// The app's point store once the writer has finished its start-up (old rows moved into blocks, rollups caught up):
    /// a test that appends directly must not race that start-up on the writer's one connection.
    /// </summary>
    public async Task<MonitorDashboard.Storage.IPointStore> StartedPointStoreAsync()
    {
        var store = Services.GetRequiredService<MonitorDashboard.Storage.IPointStore>();
        await Eventually.TrueAsync(() => Task.FromResult(store.RollupsCaughtUp), TimeSpan.FromSeconds(30), "the writer finished its start-up");
        return store;
    }

    /// <summary>Clients from <c>CreateClient()</c> carry the bootstrap Admin key; tests about authentication use <see cref="CreateAnonymousClient"/>.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", TestAccounts.AdminKey);
    }

    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    /// <summary>A client that authenticates with the given API key secret.</summary>
    public HttpClient CreateClientWithKey(string secret)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework's own scripts (blazor.web.js, MudBlazor) are only found through this manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:Path", DatabasePath);
        builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5)));
        builder.ConfigureLogging(l => l.AddProvider(Problems));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Rows in a table, read straight from the file (not through the app) to prove what is really stored.</summary>
    /// <summary>The first column of every row of a query, read straight from the file.</summary>
    public IReadOnlyList<object?> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }
        return values;
    }

    /// <summary>Changes the file behind the app's back, as an operator or another version would.</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Points stored, as the blocks count them (read from the file).</summary>
    public long CountPoints() => (long)Query("SELECT coalesce(sum(Count), 0) FROM PointBlocks").Single()!;

    public long CountRows(string table)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by a dying connection; the temp folder is cleaned by the OS
        }
    }
}
