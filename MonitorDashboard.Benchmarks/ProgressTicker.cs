using System.Diagnostics;

namespace MonitorDashboard.Benchmarks;

/// <summary>A line on stderr every interval while a long step runs that prints nothing itself (an app start-up), so a wait never looks like a hang.</summary>
public sealed class ProgressTicker : IDisposable
{
    private readonly Timer _timer;

    public ProgressTicker(string step, TimeSpan interval)
    {
        var started = Stopwatch.GetTimestamp();
        _timer = new Timer(_ => Console.Error.WriteLine($"  {step}: {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s so far ..."), null, interval, interval);
    }

    public void Dispose() => _timer.Dispose();
}
