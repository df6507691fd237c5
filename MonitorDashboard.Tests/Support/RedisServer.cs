using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MonitorDashboard.Tests.Support;

/// <summary>
/// A throwaway Redis (Debian's redis-server) on a free port of 127.0.0.1, nothing kept on disk. When CI=true a missing
/// redis-server is a failure (.ci/run installs it), elsewhere the test is skipped with how to install it.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string Binary = "/usr/bin/redis-server";
    private System.Diagnostics.Process? _process;
    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-redis-").FullName;

    public int Port { get; } = TestMachine.FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            return;
        }
        _process = System.Diagnostics.Process.Start(new ProcessStartInfo(Binary,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), $"redis-server listens on port {Port}");
    }

    /// <summary>Call first in each test: fails (CI) or skips (elsewhere) when redis-server is not installed.</summary>
    public void Require()
    {
        if (_process is not null)
        {
            return;
        }
        TestMachine.Missing($"redis-server not found at {Binary}; install it with: apt-get install -y redis-server.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

}
