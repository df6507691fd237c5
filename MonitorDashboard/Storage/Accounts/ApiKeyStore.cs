using Microsoft.EntityFrameworkCore;
using MonitorDashboard.Accounts;

namespace MonitorDashboard.Storage.Accounts;

/// <summary>API key rows: every change in one transaction with its audit entry. Only hashes of secrets are stored.</summary>
public sealed class ApiKeyStore(IDbContextFactory<MonitorDbContext> factory, AuditLog audit, TimeProvider time)
{
    public async Task<ApiKeyInfo> CreateAsync(string name, string role, string secretHash, string prefix, string actor, CancellationToken cancellationToken)
    {
        var row = new ApiKeyRow
        {
            Name = name,
            Role = role,
            SecretHash = secretHash,
            Prefix = prefix,
            CreatedBy = actor,
            Created = time.GetUtcNow(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(row);
        audit.Add(db, actor, "apikey.create", $"key '{row.Name}' ({row.Prefix}…)", null, $"role {role}");
        await db.SaveChangesAsync(cancellationToken);
        return ToInfo(row);
    }

    public async Task<bool> ExistsAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AnyAsync(k => k.SecretHash == secretHash, cancellationToken);
    }

    /// <summary>Active keys first, then by name.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Revoked != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    /// <summary>Revokes an active key; the hash of the revoked key (so a cache can forget it), or null when there was none.</summary>
    public async Task<string?> RevokeAsync(long id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (row is null || row.Revoked is not null)
        {
            return null;
        }
        row.Revoked = time.GetUtcNow();
        audit.Add(db, actor, "apikey.revoke", $"key '{row.Name}' ({row.Prefix}…)", "active", "revoked");
        await db.SaveChangesAsync(cancellationToken);
        return row.SecretHash;
    }

    public async Task<ApiKeyInfo?> FindActiveAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == secretHash && k.Revoked == null, cancellationToken);
        return row is null ? null : ToInfo(row);
    }

    public async Task RecordLastUsedAsync(long keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsed, at), cancellationToken);
    }

    private static ApiKeyInfo ToInfo(ApiKeyRow row) =>
        new(row.Id, row.Name, row.Role, row.Prefix, row.CreatedBy, row.Created, row.LastUsed, row.Revoked);
}
