using Microsoft.Extensions.Options;
using MonitorDashboard.Storage.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using MonitorDashboard.Configuration;
using MonitorDashboard.Hosting;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Postgres;
using MonitorDashboard.Storage.Review;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Configuration;

/// <summary>Storage settings are checked before the database is set up: a bad one stops the start with a message naming it.</summary>
public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData("banana")]
    [InlineData("FULL; PRAGMA journal_mode=DELETE")]
    [InlineData("7")]
    public async Task Start_SynchronousOutsideTheFixedSet_FailsNamingTheSettingBeforeTouchingTheDatabase(string value)
    {
        await using var app = new MonitorDashboardFactory();
        app.Settings["Storage:Synchronous"] = value;

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Storage:Synchronous", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(app.DatabasePath), "the database file was created before the settings were checked");
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("EXTRA")]
    public async Task Start_SynchronousInAnyCase_Starts(string value)
    {
        await using var app = new MonitorDashboardFactory();
        app.Settings["Storage:Synchronous"] = value;

        using var client = app.CreateClient();
        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_FailsNamingIt()
    {
        await using var app = new MonitorDashboardFactory();
        app.Settings["Storage:Provider"] = "Postgres";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("ConnectionStrings:Postgres", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownProvider_FailsNamingTheSetting()
    {
        await using var app = new MonitorDashboardFactory();
        app.Settings["Storage:Provider"] = "Oracle";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Storage:Provider", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresUnreachable_FailsNamingTheServerAndTheSetting()
    {
        await using var app = new MonitorDashboardFactory();
        app.Settings["Storage:Provider"] = "Postgres";
        app.Settings["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=none;Timeout=2";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("ConnectionStrings:Postgres", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1/none", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", typeof(SqliteReviewQueueStore), typeof(MonitorDbContext), typeof(PointStore), typeof(SqliteRetentionStore))]
    [InlineData("Postgres", typeof(PostgresReviewQueueStore), typeof(PostgresMonitorDbContext), typeof(PostgresPointStore), typeof(PostgresRetentionStore))]
    public void AddStorage_Provider_PicksThatEnginesStorageClasses(string provider, Type claim, Type context, Type points, Type retention)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), "unused.db"),
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddStorage(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        services.AddSingleton(Options.Create(new RetentionOptions())).AddSingleton<SqlRunner>();
        using var provided = services.BuildServiceProvider();

        var factory = provided.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
        using var db = factory.CreateDbContext();

        Assert.IsType(claim, provided.GetRequiredService<ReviewQueueStore>());
        Assert.IsType(context, db);
        Assert.IsType(points, provided.GetRequiredService<IPointStore>());
        Assert.IsType(retention, provided.GetRequiredService<RetentionStore>());
        Assert.Equal(Enum.Parse<StorageProvider>(provider), Assert.IsType<MonitorDbContextFactory>(factory).Provider);
    }
}
