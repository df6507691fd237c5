using System.Net;
using System.Net.Http.Json;
using MonitorDashboard.Ingestion;

namespace MonitorDashboard.Tests.Process;

/// <summary>
/// One client posting batches of uniquely identified events, one request at a time, until the server goes away.
/// It writes to its own metric, so its points can be counted on their own.
/// </summary>
public sealed class PostingClient(int number, int eventsPerBatch)
{
    public const string Model = "durability";

    private readonly List<string[]> _acknowledged = [];
    private readonly List<string> _unexpected = [];
    private int _batches;
    private int _inFlight;

    public string MetricName { get; } = $"client_{number}";

    /// <summary>Batches answered 202: the server promised they are on disk.</summary>
    public IReadOnlyList<string[]> Acknowledged => _acknowledged;

    /// <summary>The batch whose request failed without an answer: it may or may not be stored.</summary>
    public string[]? Interrupted { get; private set; }

    /// <summary>Answers other than a full 202; there should be none.</summary>
    public IReadOnlyList<string> Unexpected => _unexpected;

    public bool IsInFlight => Volatile.Read(ref _inFlight) == 1;

    public IEnumerable<string> SentIds => _acknowledged.SelectMany(b => b).Concat(Interrupted ?? []);

    /// <summary>
    /// Posts until a request fails at the connection (the server died) or gets an unexpected answer;
    /// after each 202 tells <c>onAcknowledged</c> how many batches are acknowledged so far.
    /// </summary>
    public async Task PostUntilFailureAsync(HttpClient http, Action<int> onAcknowledged, CancellationToken cancellationToken)
    {
        while (true)
        {
            var ids = Enumerable.Range(0, eventsPerBatch).Select(i => $"{MetricName}-{_batches:D5}-{i:D3}").ToArray();
            _batches++;
            HttpResponseMessage response;
            Volatile.Write(ref _inFlight, 1);
            try
            {
                response = await PostAsync(http, ids, cancellationToken);
            }
            catch (HttpRequestException)
            {
                Interrupted = ids;
                return;
            }
            finally
            {
                Volatile.Write(ref _inFlight, 0);
            }

            using (response)
            {
                var result = response.StatusCode == HttpStatusCode.Accepted
                    ? await response.Content.ReadFromJsonAsync<IngestResult>(cancellationToken)
                    : null;
                if (result is null || result.Accepted != ids.Length)
                {
                    _unexpected.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    return;
                }
            }
            _acknowledged.Add(ids);
            onAcknowledged(_acknowledged.Count);
        }
    }

    /// <summary>
    /// Events are stamped this far in the past, as a service sending from a buffer would: their minute is complete,
    /// so long-range queries answer them from rollups rather than from the newest raw points.
    /// </summary>
    public static readonly TimeSpan EventAge = TimeSpan.FromMinutes(5);

    /// <summary>Posts the given ids again (a client's retry after an outage).</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient http, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        http.PostAsJsonAsync(
            "/api/v1/events",
            ids.Select((id, i) => new { id, ts = DateTimeOffset.UtcNow - EventAge, model = Model, kind = "software", name = MetricName, value = (double)i }),
            cancellationToken);
}
