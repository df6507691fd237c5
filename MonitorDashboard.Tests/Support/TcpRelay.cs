using System.Net;
using System.Net.Sockets;

namespace MonitorDashboard.Tests.Support;

/// <summary>
/// Relays connections from a port of 127.0.0.1 to a server's port, until <see cref="Cut"/> closes them all at once: to
/// the server it is as if the client's process died (its sockets closed by the OS, nothing said before).
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly List<Socket> _sockets = [];

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        lock (_sockets)
        {
            _sockets.ForEach(s => s.Dispose());
            _sockets.Clear();
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await server.ConnectAsync(IPAddress.Loopback, _targetPort);
            lock (_sockets)
            {
                _sockets.Add(client);
                _sockets.Add(server);
            }
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read));
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // cut
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        Cut();
    }
}
