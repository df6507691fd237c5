using MonitorDashboard.Webhooks;

namespace MonitorDashboard.Tests.Webhooks;

public sealed class WebhookResilienceTests
{
    [Fact]
    public void IsRefusal_PolicyRefusalAsThrownOrAsWrappedByTheHandler_TrueSoItIsNotRetried() =>
        Assert.True(WebhookResilience.IsRefusal(new WebhookRefusedException("loopback"))
            && WebhookResilience.IsRefusal(new HttpRequestException("connect failed", new WebhookRefusedException("loopback"))));

    [Fact]
    public void IsRefusal_ConnectionRefusedOrTimeout_FalseSoTheRetryStillApplies()
    {
        Assert.False(WebhookResilience.IsRefusal(new HttpRequestException("Connection refused")));
        Assert.False(WebhookResilience.IsRefusal(new TaskCanceledException()));
        Assert.False(WebhookResilience.IsRefusal(null));
    }
}
