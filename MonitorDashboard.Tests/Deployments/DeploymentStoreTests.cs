using MonitorDashboard.Deployments;
using MonitorDashboard.Storage.Deployments;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Deployments;

/// <summary>The queries the canary analysis and the chart markers build on, through the store the app uses.</summary>
public sealed class DeploymentStoreTests(MonitorDashboardFactory app) : IClassFixture<MonitorDashboardFactory>
{
    private DeploymentStore Store => app.Services.GetRequiredService<DeploymentStore>();

    private Task<Deployment> StartAsync(string model, string stage, string version, string? baseline = null, string strategy = "canary") =>
        Store.CreateAsync(new DeploymentRequest { Model = model, Stage = stage, Version = version, BaselineVersion = baseline, Strategy = strategy }, "test", CancellationToken.None);

    [Fact]
    public async Task ProductionVersion_NothingDeployed_IsNull()
    {
        Assert.Null(await Store.ProductionVersionAsync("nothing", "nothing", CancellationToken.None));
    }

    [Fact]
    public async Task ProductionVersion_OnlyACanary_IsItsBaseline()
    {
        await StartAsync("pv1", "eu", "v2", baseline: "v1");

        Assert.Equal("v1", await Store.ProductionVersionAsync("pv1", "eu", CancellationToken.None));
    }

    [Fact]
    public async Task ProductionVersion_PromotedThenFinished_StaysThePromotedVersion_NotAnotherStage()
    {
        var canary = await StartAsync("pv2", "eu", "v2", baseline: "v1");
        await Store.ApplyAsync(canary.Id, DeploymentAction.Promote, null, null, "test", CancellationToken.None);
        await Store.ApplyAsync(canary.Id, DeploymentAction.Finish, null, null, "test", CancellationToken.None);
        await StartAsync("pv2", "eu", "v3", baseline: "v2");
        await StartAsync("pv2", "us", "v9", strategy: "full");

        Assert.Equal("v2", await Store.ProductionVersionAsync("pv2", "eu", CancellationToken.None));
        Assert.Equal("v9", await Store.ProductionVersionAsync("pv2", "us", CancellationToken.None));
    }

    [Fact]
    public async Task ProductionVersion_FullRolledBack_DoesNotCount()
    {
        var full = await StartAsync("pv3", "eu", "v5", baseline: "v4", strategy: "full");
        await Store.ApplyAsync(full.Id, DeploymentAction.Rollback, null, null, "test", CancellationToken.None);

        Assert.Equal("v4", await Store.ProductionVersionAsync("pv3", "eu", CancellationToken.None));
    }

    [Fact]
    public async Task EventsInRange_ReturnsTheModelsStepsInTimeOrder_FilteredByStage()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var eu = await StartAsync("er", "eu", "v2");
        var us = await StartAsync("er", "us", "v2");
        await StartAsync("other", "eu", "v2");
        await Store.ApplyAsync(eu.Id, DeploymentAction.Traffic, 30, null, "test", CancellationToken.None);
        var to = DateTimeOffset.UtcNow.AddSeconds(1);

        var all = await Store.EventsInRangeAsync("er", null, from, to, CancellationToken.None);
        var onlyEu = await Store.EventsInRangeAsync("er", "eu", from, to, CancellationToken.None);
        var before = await Store.EventsInRangeAsync("er", null, from.AddHours(-2), from.AddHours(-1), CancellationToken.None);

        Assert.Equal([(eu.Id, DeploymentAction.Start), (us.Id, DeploymentAction.Start), (eu.Id, DeploymentAction.Traffic)],
            all.Select(p => (p.Deployment.Id, p.Event.Action)));
        Assert.Equal([DeploymentAction.Start, DeploymentAction.Traffic], onlyEu.Select(p => p.Event.Action));
        Assert.Equal(30, onlyEu[1].Deployment.TrafficPercent);
        Assert.Empty(before);
    }
}
