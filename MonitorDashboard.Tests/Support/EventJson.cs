using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MonitorDashboard.Tests.Support;

/// <summary>Builds request bodies for the ingestion API.</summary>
public static class EventJson
{
    public static object Event(string name = "latency_ms", double value = 1, string model = "asr", string kind = "software",
        string? id = null, string? ts = null, string? version = null, string? stage = null) =>
        new Dictionary<string, object?>
        {
            ["id"] = id,
            ["ts"] = ts,
            ["model"] = model,
            ["version"] = version,
            ["stage"] = stage,
            ["kind"] = kind,
            ["name"] = name,
            ["value"] = value,
        }.Where(kv => kv.Value is not null).ToDictionary();

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostEventsAsync(this HttpClient client, params object[] events) =>
        client.PostAsJsonAsync("/api/v1/events", events);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string json) =>
        client.PostAsync("/api/v1/events", Raw(json));

    public static Task<HttpResponseMessage> PostRawToAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, Raw(json));

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
