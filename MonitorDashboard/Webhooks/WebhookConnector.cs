using System.Net;
using System.Net.Sockets;

namespace MonitorDashboard.Webhooks;

/// <summary>
/// The webhook clients' connect step: resolves the host itself, checks every address against <see cref="WebhookPolicy"/>
/// and connects to an allowed one, so what was checked is what is called. A name that resolves to any refused address is
/// refused whole: a rebinding name often answers with a public and an internal address at once.
/// </summary>
public sealed class WebhookConnector(WebhookPolicy policy)
{
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        // A proxy would be the address checked here, not the receiver.
        UseProxy = false,
        AllowAutoRedirect = false,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException("The webhook's host name does not resolve.");
        }
        if (addresses.FirstOrDefault(a => !policy.IsAllowed(a)) is { } refused)
        {
            throw new WebhookRefusedException($"Refused by the webhook policy: {WebhookPolicy.Refusal(refused)}");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
