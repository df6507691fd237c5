using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Accounts;

/// <summary>Creates, lists, revokes and checks API keys. Every check reads the database, so a revocation holds from the next request on.</summary>
public sealed class ApiKeyService(IDbContextFactory<MonitorDbContext> factory, AuditLog audit, TimeProvider time)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, long> _lastUsedWritten = new();

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
        var row = new ApiKeyRow
        {
            Name = name.Trim(),
            Role = role,
            SecretHash = ApiKeySecret.Hash(secret),
            Prefix = ApiKeySecret.PrefixOf(secret),
            CreatedBy = actor,
            CreatedMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(row);
        audit.Add(db, actor, "apikey.create", $"key '{row.Name}' ({row.Prefix}…)", null, $"role {role}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(ToInfo(row), secret);
    }

    /// <summary>Registers a configured secret (e.g. <c>Auth:BootstrapApiKey</c>) unless a key with that secret exists.</summary>
    public async Task EnsureAsync(string secret, string name, string role, CancellationToken cancellationToken = default)
    {
        var hash = ApiKeySecret.Hash(secret);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.ApiKeys.AnyAsync(k => k.SecretHash == hash, cancellationToken))
            {
                return;
            }
        }
        await CreateAsync(name, role, "system", secret, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedMs != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    public async Task<bool> RevokeAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (row is null || row.RevokedMs is not null)
        {
            return false;
        }
        row.RevokedMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        audit.Add(db, actor, "apikey.revoke", $"key '{row.Name}' ({row.Prefix}…)", "active", "revoked");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The active key with this secret, or null. Records when it was last used (at most once a minute per key).</summary>
    public async Task<ApiKeyInfo?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = ApiKeySecret.Hash(secret);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash && k.RevokedMs == null, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var written = _lastUsedWritten.GetValueOrDefault(row.Id, row.LastUsedMs ?? 0);
        if (now - written >= LastUsedResolution.TotalMilliseconds)
        {
            _lastUsedWritten[row.Id] = now;
            await db.ApiKeys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedMs, now), cancellationToken);
            row.LastUsedMs = now;
        }
        return ToInfo(row);
    }

    private static ApiKeyInfo ToInfo(ApiKeyRow row) => new(
        row.Id, row.Name, row.Role, row.Prefix, row.CreatedBy,
        DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedMs),
        row.LastUsedMs is { } used ? DateTimeOffset.FromUnixTimeMilliseconds(used) : null,
        row.RevokedMs is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null);
}
