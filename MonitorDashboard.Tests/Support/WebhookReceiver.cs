using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;

namespace MonitorDashboard.Tests.Support;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 that records every JSON body posted to it. It answers 204, or <see cref="Answer"/>
/// while a test plays a receiver that is down.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly ConcurrentQueue<JsonElement> _delivered = new();
    private readonly ConcurrentQueue<JsonElement> _refused = new();
    private volatile int _answer = (int)HttpStatusCode.NoContent;

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

    /// <summary>The status every later request is answered with (204 unless set).</summary>
    public HttpStatusCode Answer
    {
        get => (HttpStatusCode)_answer;
        set => _answer = (int)value;
    }

    /// <summary>Bodies answered with a success status: the notifications the receiving team got, in order.</summary>
    public IReadOnlyList<JsonElement> Delivered => [.. _delivered];

    /// <summary>Bodies answered with an error status (the sender should try them again).</summary>
    public IReadOnlyList<JsonElement> Refused => [.. _refused];

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
            var answer = _answer;
            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                var body = document.RootElement.Clone();
                (answer is >= 200 and < 300 ? _delivered : _refused).Enqueue(body);
                _received.Writer.TryWrite(body);
            }
            context.Response.StatusCode = answer;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
