using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MonitorDashboard.ScaleOut;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.ScaleOut;

public sealed class LeaderOnlyServiceTests
{
    [Fact]
    public async Task TwoInstances_OnlyTheLeaseHolderRunsTheWork_AndTheOtherTakesOverWhenTheHolderLosesIt()
    {
        var lease = new OneHolderLease();
        var workOnA = new CountingWork();
        var workOnB = new CountingWork();
        var a = new LeaderOnlyService(workOnA, "alarms", lease, NullLogger<LeaderOnlyService>.Instance);
        await a.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(workOnA.Running), TimeSpan.FromSeconds(5), "A takes the free lease and runs the work");
        var b = new LeaderOnlyService(workOnB, "alarms", lease, NullLogger<LeaderOnlyService>.Instance);
        await b.StartAsync(CancellationToken.None);

        Assert.False(workOnB.Running); // B asked while A held it
        // A's database connection breaks: the lease is lost (and, for now, taken by nobody A could ask).
        lease.LoseCurrentAndBlock();
        await Eventually.TrueAsync(() => Task.FromResult(!workOnA.Running), TimeSpan.FromSeconds(5), "A stops the work it no longer holds the lease on");
        // Then A's process is gone, and the lease is free again.
        await a.StopAsync(CancellationToken.None);
        lease.Unblock();
        await Eventually.TrueAsync(() => Task.FromResult(workOnB.Running), LeaderOnlyService.RetryInterval * 3, "B takes over");

        await b.StopAsync(CancellationToken.None);
        Assert.False(workOnB.Running);
        Assert.Equal(1, workOnB.Starts);
    }

    /// <summary>At most one holder, like an advisory lock; the holder can be made to lose it.</summary>
    private sealed class OneHolderLease : IWorkLease
    {
        private readonly Lock _gate = new();
        private CancellationTokenSource? _held;

        public Task<WorkLeaseHandle?> TryAcquireAsync(string work, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_held is not null)
                {
                    return Task.FromResult<WorkLeaseHandle?>(null);
                }
                var held = _held = new CancellationTokenSource();
                return Task.FromResult<WorkLeaseHandle?>(new WorkLeaseHandle(held.Token, () =>
                {
                    lock (_gate)
                    {
                        if (_held == held)
                        {
                            _held = null;
                        }
                    }
                    return ValueTask.CompletedTask;
                }));
            }
        }

        public void LoseCurrentAndBlock()
        {
            lock (_gate)
            {
                _held?.Cancel();
                _held = new CancellationTokenSource(); // a holder nobody here controls
            }
        }

        public void Unblock()
        {
            lock (_gate)
            {
                _held = null;
            }
        }
    }

    private sealed class CountingWork : IHostedService
    {
        public bool Running { get; private set; }

        public int Starts { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Running = true;
            Starts++;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Running = false;
            return Task.CompletedTask;
        }
    }
}
