namespace MonitorDashboard.Configuration;

/// <summary>
/// Where outbound webhooks (alarm rules, deployment hooks) may go (section <c>Webhooks</c>). By default only public
/// addresses: a rule editor must not be able to make the server call its own admin ports or the cloud metadata service.
/// </summary>
public sealed class WebhookOptions : ISectionOptions
{
    public static string Section => "Webhooks";

    /// <summary>Allow 127.0.0.0/8 and ::1 (a receiver on the same machine; the tests' receivers).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow 10/8, 172.16/12, 192.168/16 and fc00::/7 (receivers inside the company network).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>When not empty, the only host names (or IP literals) a webhook may name; the address checks still apply.</summary>
    public List<string> AllowedHosts { get; set; } = [];
}
