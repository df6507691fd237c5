using Bunit;
using MonitorDashboard.Components.Controls;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Components;

public sealed class FirstEventHelpTests : DashboardTestContext
{
    [Theory]
    [InlineData("software", "latency_ms")]
    [InlineData("input", "input_length")]
    [InlineData("output", "ctr")]
    public void Render_Kind_ShowsACurlExampleForThatKindAgainstThisServer(string kind, string metric)
    {
        var help = Render<FirstEventHelp>(p => p.Add(c => c.BaseUrl, "http://dash.example:8080/").Add(c => c.Kind, kind));

        var text = help.Find("[data-testid=empty-state]").TextContent;
        Assert.Contains("curl -X POST http://dash.example:8080/api/v1/events", text);
        Assert.Contains($"\"kind\":\"{kind}\"", text);
        Assert.Contains($"\"name\":\"{metric}\"", text);
        Assert.Contains("Authorization: Bearer", text);
    }
}
