using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;

namespace MonitorDashboard.Tests.Support;

/// <summary>A real HTTP endpoint on 127.0.0.1 that records every JSON body posted to it.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Url { get; }

    public async Task<JsonElement> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _received.Reader.ReadAsync(cancel.Token);
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                _received.Writer.TryWrite(document.RootElement.Clone());
            }
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
