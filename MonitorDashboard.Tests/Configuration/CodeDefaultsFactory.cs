using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Configuration;

/// <summary>The app with no appsettings at all: every setting is its code default, except where the test database lives.</summary>
public sealed class CodeDefaultsFactory : MonitorDashboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            configuration.Sources.Clear();
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = DatabasePath });
        });
    }
}
