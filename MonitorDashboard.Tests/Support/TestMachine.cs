using System.Net;
using System.Net.Sockets;

namespace MonitorDashboard.Tests.Support;

/// <summary>What the tests need from this machine: free ports, and the programs some tests drive (Chromium, Redis, PostgreSQL).</summary>
public static class TestMachine
{
    /// <summary>A port of 127.0.0.1 free right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A program the test drives is not installed: a failure under CI=true (CI installs it), a skip elsewhere.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string message)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " CI installs it and runs these tests for real.");
        }
        Assert.Skip(message + " Skipped outside CI only.");
    }
}
