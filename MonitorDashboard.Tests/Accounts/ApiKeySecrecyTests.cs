using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Accounts;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Accounts;

public sealed class ApiKeySecrecyTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly LoggingFactory _app;

    public ApiKeySecrecyTests() => _app = new LoggingFactory(_logs);

    private sealed class LoggingFactory(CapturingLoggerProvider logs) : MonitorDashboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreatedKey_UsedAndRevoked_SecretNeitherInDatabaseFileNorInLogs()
    {
        var created = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("ingest service", Roles.Ingest, "test");
        var client = _app.CreateClientWithKey(created.Secret);
        (await client.PostEventsAsync(EventJson.Event())).EnsureSuccessStatusCode();
        await client.GetAsync("/api/v1/series"); // 403: a logged authorization failure
        await _app.Services.GetRequiredService<ApiKeyService>().RevokeAsync(created.Key.Id, "test");
        await client.GetAsync("/api/v1/series"); // 401: a logged authentication failure

        SqliteConnection.ClearAllPools(); // checkpoint-free: the WAL file is read as well
        var secretBytes = Encoding.UTF8.GetBytes(created.Secret);
        var secretBody = created.Secret[ApiKeySecret.PrefixLength..];
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_app.DatabasePath)!))
        {
            var content = await File.ReadAllBytesAsync(file);
            Assert.True(content.AsSpan().IndexOf(secretBytes) < 0, $"the secret is stored in clear in {Path.GetFileName(file)}");
            Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secretBody)) < 0, $"the secret's body is stored in {Path.GetFileName(file)}");
        }
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(secretBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreatedKey_StoredHash_IsSha256OfTheSecret()
    {
        var created = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync("x", Roles.Viewer, "test");

        using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SecretHash FROM ApiKeys WHERE Name = 'x'";

        Assert.Equal(ApiKeySecret.Hash(created.Secret), (string)command.ExecuteScalar()!);
    }
}
