using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Webhooks;

/// <summary>
/// The one rule for where a webhook may point, shared by alarm rules and deployment hooks. Checked when a URL is saved
/// (<see cref="CheckUrl"/>: scheme, allow-list, literal addresses) and again on every address a host resolves to when
/// sending (<see cref="IsAllowed"/>, through <see cref="WebhookConnector"/>), so a name that later resolves inside
/// (DNS rebinding) is still refused. Link-local (169.254/16, fe80::/10: the cloud metadata service) is never allowed.
/// </summary>
public sealed class WebhookPolicy(IOptionsMonitor<WebhookOptions> options)
{
    /// <returns>null when <paramref name="url"/> may be saved; else why not, in words for the person who typed it.</returns>
    public string? CheckUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "Use an absolute http(s) URL.";
        }
        var settings = options.CurrentValue;
        var host = uri.IdnHost.Trim('[', ']');
        if (settings.AllowedHosts.Count > 0 && !settings.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return $"The host '{host}' is not in Webhooks:AllowedHosts.";
        }
        if (IPAddress.TryParse(host, out var address))
        {
            return IsAllowed(address) ? null : Refusal(address);
        }
        return uri.IsLoopback && !settings.AllowLoopback ? Refusal(IPAddress.Loopback) : null;
    }

    public bool IsAllowed(IPAddress address)
    {
        var settings = options.CurrentValue;
        return Classify(address) switch
        {
            AddressClass.Loopback => settings.AllowLoopback,
            AddressClass.Private => settings.AllowPrivateNetworks,
            AddressClass.Public => true,
            _ => false,
        };
    }

    public static string Refusal(IPAddress address) => Classify(address) switch
    {
        AddressClass.Loopback => "Webhooks may not call this machine (loopback); an operator can allow it with Webhooks:AllowLoopback.",
        AddressClass.Private => "Webhooks may not call private network addresses; an operator can allow them with Webhooks:AllowPrivateNetworks.",
        _ => "Webhooks may not call link-local, multicast or unspecified addresses (e.g. the cloud metadata service 169.254.169.254).",
    };

    public static AddressClass Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return AddressClass.Loopback;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] or [>= 224, ..] or [169, 254, ..] => AddressClass.Forbidden,
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => AddressClass.Private,
                _ => AddressClass.Public,
            };
        }
        if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.IsIPv6SiteLocal)
        {
            return AddressClass.Forbidden;
        }
        return (address.GetAddressBytes()[0] & 0xFE) == 0xFC ? AddressClass.Private : AddressClass.Public;
    }
}
