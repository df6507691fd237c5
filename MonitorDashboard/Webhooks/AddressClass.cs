namespace MonitorDashboard.Webhooks;

/// <summary>What an address is, for <see cref="WebhookPolicy"/>: which ones configuration may open, and which never.</summary>
public enum AddressClass
{
    Public,
    Private,
    Loopback,
    Forbidden,
}
