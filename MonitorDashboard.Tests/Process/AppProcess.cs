using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace MonitorDashboard.Tests.Process;

/// <summary>
/// The built app as a real child process (<c>dotnet MonitorDashboard.dll</c>) on a free loopback port,
/// for what an in-memory server cannot show: a SIGKILL, a restart on the same file, the process's own memory.
/// Shared with MonitorDashboard.Benchmarks, which links this file.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // A test host or benchmark stopped by SIGTERM or Ctrl+C must not leave apps running (SIGKILL of the parent still would).
    private static readonly ConcurrentDictionary<AppProcess, byte> Running = new();
    private static readonly PosixSignalRegistration[] KillOnSignals =
        [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, _ => KillAll()))];

    private readonly System.Diagnostics.Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(System.Diagnostics.Process process, string apiKey)
    {
        _process = process;
        ApiKey = apiKey;
    }

    public string ApiKey { get; }

    /// <summary>Set once the app logged its address.</summary>
    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully
        ? _listening.Task.Result
        : throw new InvalidOperationException("The app has not started listening.");

    /// <summary>The last lines the app wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Whether one of the last lines the app wrote contains <paramref name="text"/> (what an operator reads in its log).</summary>
    public bool HasWritten(string text) => _output.Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// The app's build output folder for a build configuration, found from the solution folder
    /// (the running assembly may sit in a test or benchmark project's bin folder).
    /// </summary>
    public static string FindAppDirectory(string configuration)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MonitorDashboard.sln")))
        {
            folder = folder.Parent;
        }
        if (folder is null)
        {
            throw new InvalidOperationException($"No MonitorDashboard.sln above {AppContext.BaseDirectory}.");
        }
        var appDirectory = Path.Combine(folder.FullName, "MonitorDashboard", "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(appDirectory, "MonitorDashboard.dll")))
        {
            throw new InvalidOperationException($"MonitorDashboard.dll is missing in {appDirectory}; build the app in {configuration} first.");
        }
        return appDirectory;
    }

    /// <summary>The build configuration of the running assembly (<c>.../bin/Release/net10.0/</c> gives Release).</summary>
    public static string CurrentConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";

    /// <summary>
    /// Starts the app on the database file with the demo traffic off and waits until <c>/readyz</c> says Healthy.
    /// The app registers <c>apiKey</c> as an Admin API key (<c>Auth:BootstrapApiKey</c>) and <see cref="CreateClient"/> sends it;
    /// pass the same key when restarting on the same file. Further settings are configuration keys written with <c>__</c>,
    /// e.g. <c>Ingest__MaxQueuedEvents</c>.
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string appDirectory,
        string databasePath,
        string apiKey,
        IReadOnlyDictionary<string, string>? settings = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the working folder: appsettings.json is read from there.
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appDirectory, "MonitorDashboard.dll"));
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // Development would put the database in ../data.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Path"] = databasePath;
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Auth__BootstrapApiKey"] = apiKey;
        // No OTLP/gRPC port: app processes of parallel tests and benchmarks would all want 4317.
        start.Environment["Otlp__GrpcPort"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new System.Diagnostics.Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process, apiKey);
        process.OutputDataReceived += (_, e) => app.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => app.OnOutput(e.Data);
        process.Exited += (_, _) => app._listening.TrySetException(
            new InvalidOperationException($"The app exited before it listened:{Environment.NewLine}{app.RecentOutput}"));
        process.Start();
        GC.KeepAlive(KillOnSignals);
        Running.TryAdd(app, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(20));
            await app._listening.Task.WaitAsync(deadline.Token);
            await app.WaitUntilReadyAsync(deadline.Token);
            return app;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await app.DisposeAsync();
            throw new TimeoutException($"The app did not become ready in time:{Environment.NewLine}{app.RecentOutput}");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh random API key in the app's format.</summary>
    public static string NewApiKey() => "mdk_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>A client for the app, sending its API key.</summary>
    public HttpClient CreateClient(HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = BaseAddress;
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>Polls <c>/readyz</c> until it answers Healthy.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }
            try
            {
                if (await client.GetStringAsync("/readyz", cancellationToken) == "Healthy")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not accepting connections yet, or not ready (503)
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>SIGKILL, without waiting: no shutdown hook, no queue drain, no flush; as a crash or the OOM killer would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Peak resident set size in bytes (VmHWM of /proc/PID/status); null where /proc is missing or the process is gone.</summary>
    public long? PeakResidentBytes() => ProcessMemory.PeakResidentBytes(_process.Id);

    /// <summary>CPU time the app has used so far, user and kernel.</summary>
    public TimeSpan TotalProcessorTime() => _process.TotalProcessorTime;

    public int Id => _process.Id;

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(this, out _);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        _process.Dispose();
    }

    private static void KillAll()
    {
        foreach (var app in Running.Keys)
        {
            try
            {
                app._process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
        if (ListeningPattern().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningPattern();
}
