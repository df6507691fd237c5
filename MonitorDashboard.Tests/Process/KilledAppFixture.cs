using System.Text.Json;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Storage.EventIds;

namespace MonitorDashboard.Tests.Process;

/// <summary>
/// Runs the crash once for all its tests: the app as a child process, concurrent clients posting,
/// SIGKILL right after a 202 while the other clients' requests are in flight, then the app restarted on the same SQLite file.
/// </summary>
public sealed class KilledAppFixture : IAsyncLifetime
{
    public const int ClientCount = 6;
    public const int EventsPerBatch = 50;

    /// <summary>Every client must have this many batches acknowledged before the kill, so all of them are in full stream.</summary>
    private const int AcknowledgedBatchesBeforeKill = 20;
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(25);

    // The per-key rate limit would answer 429 long before the writer is busy; this test is about durability.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Auth__IngestEventsPerSecond"] = "10000000",
        ["Auth__IngestEventBurst"] = "10000000",
    };

    private readonly string _apiKey = AppProcess.NewApiKey();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("monitor-durability-");
    private AppProcess? _restarted;

    public string DatabasePath => Path.Combine(_folder.FullName, "monitor.db");

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<PostingClient> Clients { get; } =
        Enumerable.Range(0, ClientCount).Select(i => new PostingClient(i, EventsPerBatch)).ToArray();

    /// <summary>Requests that were on the wire when the process was killed.</summary>
    public int InFlightAtKill { get; private set; }

    /// <summary>The app started again on the killed app's database.</summary>
    public AppProcess Restarted => _restarted ?? throw new InvalidOperationException("The scenario has not run.");

    public async ValueTask InitializeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ScenarioTimeout);
        var appDirectory = AppProcess.FindAppDirectory(AppProcess.CurrentConfiguration());
        try
        {
            await using (var doomed = await AppProcess.StartAsync(appDirectory, DatabasePath, _apiKey, Settings, cancellationToken: timeout.Token))
            {
                await PostThenKillAsync(doomed, timeout.Token);
            }
            _restarted = await AppProcess.StartAsync(appDirectory, DatabasePath, _apiKey, Settings, cancellationToken: timeout.Token);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The event ids stored, read straight from the file: the file keeps their hashes (one batch row per commit), so
    /// each is named by the sent id with that hash; a hash no sent id has is returned as "unknown:" and its hash.
    /// </summary>
    public async Task<HashSet<string>> ReadStoredIdsAsync(CancellationToken cancellationToken)
    {
        var sentByHash = Clients.SelectMany(c => c.SentIds).Distinct().ToDictionary(EventIdHash.Of);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Hashes FROM EventIdBatches";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hashes = (byte[])reader[0];
            for (var offset = 0; offset < hashes.Length; offset += EventIdHash.Size)
            {
                var hash = EventIdHash.Read(hashes.AsSpan(offset, EventIdHash.Size));
                ids.Add(sentByHash.TryGetValue(hash, out var id) ? id : $"unknown:{hash}");
            }
        }
        return ids;
    }

    /// <summary>The number of points of a client's series, as the query API counts them.</summary>
    /// <summary>Points of the client's series; a <paramref name="lookBack"/> of hours is answered mostly from rollups.</summary>
    public async Task<long> CountPointsAsync(HttpClient http, PostingClient client, CancellationToken cancellationToken, TimeSpan? lookBack = null)
    {
        var from = Uri.EscapeDataString((lookBack is { } span ? DateTimeOffset.UtcNow - span : StartedAt - PostingClient.EventAge - TimeSpan.FromMinutes(1)).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        var json = await http.GetStringAsync(
            $"/api/v1/series/points?model={PostingClient.Model}&name={client.MetricName}&from={from}&to={to}", cancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .SelectMany(series => series.GetProperty("buckets").EnumerateArray())
            .Sum(bucket => bucket.GetProperty("count").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        if (_restarted is not null)
        {
            await _restarted.DisposeAsync();
            _restarted = null;
        }
        if (_folder.Exists)
        {
            _folder.Delete(recursive: true);
        }
    }

    private async Task PostThenKillAsync(AppProcess app, CancellationToken cancellationToken)
    {
        using var http = app.CreateClient();
        var clientsStillWarmingUp = ClientCount;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAcknowledged(int batches)
        {
            if (batches == AcknowledgedBatchesBeforeKill && Interlocked.Decrement(ref clientsStillWarmingUp) == 0)
            {
                // Killed on the heels of a 202 (synchronously, on the thread that read it): an app that answered
                // before its commit was on disk would lose this very batch, not just requests still in flight.
                InFlightAtKill = Clients.Count(c => c.IsInFlight);
                app.Kill();
                killed.TrySetResult();
            }
        }

        var posting = Task.WhenAll(Clients.Select(c => Task.Run(() => c.PostUntilFailureAsync(http, OnAcknowledged, cancellationToken), cancellationToken)));
        // A client that stops early (an unexpected answer) must not leave us waiting for the timeout.
        await Task.WhenAny(killed.Task, posting).WaitAsync(cancellationToken);
        if (!killed.Task.IsCompleted)
        {
            await posting;
            throw new InvalidOperationException(
                $"A client stopped before the kill: {string.Join("; ", Clients.SelectMany(c => c.Unexpected))}{Environment.NewLine}{app.RecentOutput}");
        }
        await app.KillAsync();
        await posting.WaitAsync(cancellationToken);
    }
}
