using System.Runtime.ExceptionServices;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.ScaleOut;

/// <summary>
/// One PostgreSQL database, one Redis and the pair of app processes on them, started once for the tests that leave
/// both instances running. A test that kills an instance starts a pair of its own (<see cref="StartPairAsync"/>).
/// A missing program (redis-server, PostgreSQL) or a failed start is reported by every test (<see cref="Require"/>):
/// skipped outside CI, failed under CI=true.
/// </summary>
public sealed class TwoInstanceFixture : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private PostgresServer? _postgres;
    private InstancePair? _pair;
    private ExceptionDispatchInfo? _setUpFailure;

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        try
        {
            _redis.Require();
            _postgres = await PostgresServer.GetAsync();
            _pair = await StartPairAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception ex)
        {
            _setUpFailure = ExceptionDispatchInfo.Capture(ex);
        }
    }

    /// <summary>The running pair; fails or skips the calling test as set-up did.</summary>
    public InstancePair Require()
    {
        _setUpFailure?.Throw();
        return _pair!;
    }

    /// <summary>A further pair on a fresh database of the same PostgreSQL, sharing the Redis.</summary>
    public async Task<InstancePair> StartPairAsync(CancellationToken cancellationToken) =>
        await InstancePair.StartAsync(await _postgres!.CreateDatabaseAsync(), _redis.ConnectionString, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_pair is not null)
        {
            await _pair.DisposeAsync();
        }
        await _redis.DisposeAsync();
    }
}
