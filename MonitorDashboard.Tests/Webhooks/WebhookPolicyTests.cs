using System.Net;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Webhooks;

namespace MonitorDashboard.Tests.Webhooks;

public sealed class WebhookPolicyTests
{
    private static WebhookPolicy Policy(WebhookOptions options) =>
        new(new StaticOptionsMonitor(options));

    private sealed class StaticOptionsMonitor(WebhookOptions value) : IOptionsMonitor<WebhookOptions>
    {
        public WebhookOptions CurrentValue => value;

        public WebhookOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<WebhookOptions, string?> listener) => null;
    }

    [Fact]
    public void CheckUrl_AllowList_RefusesOtherHostsAndKeepsListedOnes()
    {
        var policy = Policy(new WebhookOptions { AllowedHosts = ["hooks.example.com"] });

        Assert.Null(policy.CheckUrl("https://hooks.example.com/alarm"));
        Assert.Contains("AllowedHosts", policy.CheckUrl("https://other.example.com/alarm"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.1", false, true)]
    [InlineData("172.20.1.1", false, true)]
    [InlineData("172.32.1.1", true, true)]
    [InlineData("192.168.1.1", false, true)]
    [InlineData("fd00::1", false, true)]
    [InlineData("169.254.169.254", false, false)]
    [InlineData("fe80::1", false, false)]
    [InlineData("::ffff:127.0.0.1", false, false)]
    [InlineData("8.8.8.8", true, true)]
    public void IsAllowed_PrivateRangesOnlyByConfigurationLinkLocalNever(string address, bool byDefault, bool withPrivateNetworks)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(byDefault, Policy(new WebhookOptions()).IsAllowed(ip));
        Assert.Equal(withPrivateNetworks, Policy(new WebhookOptions { AllowPrivateNetworks = true }).IsAllowed(ip));
    }
}
