using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MonitorDashboard.Tests.Process;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// InfluxDB 1.6 (Debian package <c>influxdb</c>), the peer users would pick instead, started on a fresh folder and loopback
/// port. Its defaults fsync the WAL on every write (<c>wal-fsync-delay = 0s</c>), as the app does with synchronous=FULL.
/// </summary>
public sealed class InfluxProcess : IAsyncDisposable
{
    public const string Database = "bench";
    private static readonly string[] Candidates = ["/usr/bin/influxd", "/usr/local/bin/influxd"];
    private readonly System.Diagnostics.Process _process;
    private readonly string _folder;

    private InfluxProcess(System.Diagnostics.Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The influxd binary, or null when InfluxDB is not installed (<c>apt-get install influxdb</c>).</summary>
    public static string? FindBinary() => Candidates.FirstOrDefault(File.Exists);

    public static async Task<InfluxProcess> StartAsync(string binary, string folder)
    {
        Directory.CreateDirectory(folder);
        var httpPort = FreePort();
        var config = Path.Combine(folder, "influxdb.conf");
        await File.WriteAllTextAsync(config, $"""
            reporting-enabled = false
            bind-address = "127.0.0.1:{FreePort()}"
            [meta]
              dir = "{folder}/meta"
            [data]
              dir = "{folder}/data"
              wal-dir = "{folder}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [http]
              bind-address = "127.0.0.1:{httpPort}"
              log-enabled = false
            [continuous_queries]
              enabled = false
            [logging]
              level = "warn"
            """);
        var process = System.Diagnostics.Process.Start(new ProcessStartInfo(binary, ["run", "-config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{binary} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var influx = new InfluxProcess(process, folder, new Uri($"http://127.0.0.1:{httpPort}"));
        await influx.WaitUntilReadyAsync();
        return influx;
    }

    public HttpClient CreateClient(HttpMessageHandler handler) => new(handler, disposeHandler: false) { BaseAddress = BaseAddress };

    /// <summary>Peak resident set size in bytes, as for the app.</summary>
    public long? PeakResidentBytes() => ProcessMemory.PeakResidentBytes(_process.Id);

    public TimeSpan TotalProcessorTime() => _process.TotalProcessorTime;

    /// <summary>Bytes of the data and WAL folders (what the points cost on disk).</summary>
    public long DataBytes() => new[] { "data", "wal" }
        .Select(d => new DirectoryInfo(Path.Combine(_folder, d)))
        .Where(d => d.Exists)
        .Sum(d => d.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length));

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {_process.ExitCode} during start-up");
            }
            try
            {
                using var ping = await http.GetAsync("/ping");
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(100);
        }
        using var created = await http.PostAsync($"/query?q=CREATE+DATABASE+{Database}", null);
        created.EnsureSuccessStatusCode();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
