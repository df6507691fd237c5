using System.Collections.Concurrent;
using System.Globalization;
using MonitorDashboard.ScaleOut;
using MonitorDashboard.Storage.Accounts;

namespace MonitorDashboard.Accounts;

/// <summary>
/// Creates, lists, revokes and checks API keys. Checked keys are remembered for <see cref="CacheFor"/> so a busy client
/// does not cost a database read per request (the benchmark showed it dominating small requests); revoking through
/// this service forgets the key at once, here and (through the backplane) on the other instances, so a revocation
/// holds from the next request on.
/// </summary>
public sealed class ApiKeyService(ApiKeyStore store, TimeProvider time, IInstanceBroadcast broadcast, ILogger<ApiKeyService> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, long> _lastUsedWritten = new();
    private readonly ConcurrentDictionary<string, (ApiKeyInfo Key, long CheckedMs)> _checked = new();
    // Keys revoked lately (here or on another instance), kept for CacheFor: a check that read a key as active while it
    // was being revoked must not put it back into the cache (revocation is final, so any entry here means refused).
    private readonly ConcurrentDictionary<long, long> _revokedMs = new();

    public async Task<CreatedApiKey> CreateAsync(string name, string role, string actor, string? secret = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("A key needs a name of 1 to 100 characters.", nameof(name));
        }
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }
        secret ??= ApiKeySecret.Generate();
        var key = await store.CreateAsync(name.Trim(), role, ApiKeySecret.Hash(secret), ApiKeySecret.PrefixOf(secret), actor, cancellationToken);
        return new CreatedApiKey(key, secret);
    }

    /// <summary>Registers a configured secret (e.g. <c>Auth:BootstrapApiKey</c>) unless a key with that secret exists.</summary>
    public async Task EnsureAsync(string secret, string name, string role, CancellationToken cancellationToken = default)
    {
        if (await store.ExistsAsync(ApiKeySecret.Hash(secret), cancellationToken))
        {
            return;
        }
        await CreateAsync(name, role, "system", secret, cancellationToken);
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    public async Task<bool> RevokeAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        if (await store.RevokeAsync(id, actor, cancellationToken) is not { } hash)
        {
            return false;
        }
        Forget(id);
        // Other instances forget it too, instead of accepting it from their caches for up to CacheFor.
        broadcast.Publish(BroadcastTopic.ApiKeyRevoked, id.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Drops a revoked key (revoked here, or on another instance) from this one's cache: its next request is refused.</summary>
    public void Forget(long keyId)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        _revokedMs[keyId] = now;
        foreach (var (revokedId, at) in _revokedMs)
        {
            if (now - at > CacheFor.TotalMilliseconds)
            {
                _revokedMs.TryRemove(revokedId, out _);
            }
        }
        foreach (var (hash, cached) in _checked)
        {
            if (cached.Key.Id == keyId)
            {
                _checked.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>The active key with this secret, or null. Records when it was last used (at most once a minute per key, off the request).</summary>
    public async Task<ApiKeyInfo?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = ApiKeySecret.Hash(secret);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        ApiKeyInfo? key;
        if (_checked.TryGetValue(hash, out var cached) && now - cached.CheckedMs < CacheFor.TotalMilliseconds)
        {
            key = cached.Key;
        }
        else
        {
            key = await store.FindActiveAsync(hash, cancellationToken);
            if (key is null || _revokedMs.ContainsKey(key.Id))
            {
                _checked.TryRemove(hash, out _);
                return null;
            }
            _checked[hash] = (key, now);
            if (_revokedMs.ContainsKey(key.Id))
            {
                _checked.TryRemove(hash, out _); // revoked while this check stored it
                return null;
            }
        }
        if (now - _lastUsedWritten.GetValueOrDefault(key.Id, key.LastUsed?.ToUnixTimeMilliseconds() ?? 0) >= LastUsedResolution.TotalMilliseconds)
        {
            _lastUsedWritten[key.Id] = now;
            _ = RecordLastUsedAsync(key.Id, now);
        }
        return key;
    }

    private async Task RecordLastUsedAsync(long keyId, long now)
    {
        try
        {
            await store.RecordLastUsedAsync(keyId, DateTimeOffset.FromUnixTimeMilliseconds(now), CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not record the last use of API key {KeyId}", keyId);
        }
    }
}
