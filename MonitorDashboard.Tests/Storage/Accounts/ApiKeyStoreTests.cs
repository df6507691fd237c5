using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Storage.Accounts;

/// <summary>API keys and the audit log on both engines.</summary>
public sealed class ApiKeyStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Create_NewKey_IsFoundByHashAndAudited(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keys = database.Get<ApiKeyStore>();

        var created = await keys.CreateAsync("ci", Roles.Ingest, "hash-1", "mdk_ab", "admin", Ct);

        var found = await keys.FindActiveAsync("hash-1", Ct);
        Assert.Equal(created, found);
        Assert.Equal(database.Time.GetUtcNow(), found!.Created);
        var audit = Assert.Single(await database.Get<AuditLog>().ListAsync(10, Ct));
        Assert.Equal(("admin", "apikey.create", database.Time.GetUtcNow()), (audit.Actor, audit.Action, audit.Timestamp));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Revoke_ActiveKey_IsNoLongerFoundAndCannotBeRevokedTwice(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keys = database.Get<ApiKeyStore>();
        var created = await keys.CreateAsync("ci", Roles.Ingest, "hash-1", "mdk_ab", "admin", Ct);

        var first = await keys.RevokeAsync(created.Id, "admin", Ct);
        var second = await keys.RevokeAsync(created.Id, "admin", Ct);

        Assert.Equal("hash-1", first);
        Assert.Null(second);
        Assert.Null(await keys.FindActiveAsync("hash-1", Ct));
        Assert.True(await keys.ExistsAsync("hash-1", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task List_ActiveKeysFirstThenByName(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keys = database.Get<ApiKeyStore>();
        var revoked = await keys.CreateAsync("a-old", Roles.Ingest, "h1", "p1", "admin", Ct);
        await keys.CreateAsync("c", Roles.Admin, "h2", "p2", "admin", Ct);
        await keys.CreateAsync("b", Roles.Ingest, "h3", "p3", "admin", Ct);
        await keys.RevokeAsync(revoked.Id, "admin", Ct);

        var names = (await keys.ListAsync(Ct)).Select(k => k.Name);

        Assert.Equal(["b", "c", "a-old"], names);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task RecordLastUsed_StoresTheTimeToTheMillisecond(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keys = database.Get<ApiKeyStore>();
        var created = await keys.CreateAsync("ci", Roles.Ingest, "hash-1", "mdk_ab", "admin", Ct);
        var used = database.Time.GetUtcNow().AddSeconds(5.123);

        await keys.RecordLastUsedAsync(created.Id, used, Ct);

        Assert.Equal(used, (await keys.FindActiveAsync("hash-1", Ct))!.LastUsed);
    }
}
