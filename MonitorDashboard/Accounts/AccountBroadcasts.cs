using System.Globalization;
using MonitorDashboard.ScaleOut;

namespace MonitorDashboard.Accounts;

/// <summary>Acts on what other instances tell about accounts: a revoked key is forgotten, a changed user rechecked.</summary>
public sealed class AccountBroadcasts(IInstanceBroadcast broadcast, ApiKeyService apiKeys, SessionRechecks sessions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        broadcast.Subscribe(BroadcastTopic.ApiKeyRevoked, message => apiKeys.Forget(long.Parse(message, CultureInfo.InvariantCulture)));
        broadcast.Subscribe(BroadcastTopic.UserSessionsChanged, sessions.Mark);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
