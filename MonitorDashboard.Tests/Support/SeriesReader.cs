using System.Net.Http.Json;
using System.Text.Json;

namespace MonitorDashboard.Tests.Support;

/// <summary>Reads what was stored back through the query API, as a dashboard user would see it.</summary>
public static class SeriesReader
{
    public static async Task<JsonElement[]> SeriesAsync(this HttpClient client, string model) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/series?model={Uri.EscapeDataString(model)}", TestContext.Current.CancellationToken)).EnumerateArray().ToArray();

    public static JsonElement Named(this JsonElement[] series, string name) =>
        Assert.Single(series, s => s.GetProperty("name").GetString() == name);

    /// <summary>The single bucket of one series' statistics over [from, to] (without a step one bucket spans the range).</summary>
    public static Task<JsonElement> BucketAsync(this HttpClient client, string model, string name, DateTimeOffset from, DateTimeOffset to) =>
        StageBucketAsync(client, model, name, stage: null, from, to);

    public static async Task<JsonElement> StageBucketAsync(this HttpClient client, string model, string name, string? stage, DateTimeOffset from, DateTimeOffset to)
    {
        var url = $"/api/v1/series/points?model={Uri.EscapeDataString(model)}&name={Uri.EscapeDataString(name)}"
            + (stage is null ? "" : $"&stage={Uri.EscapeDataString(stage)}")
            + $"&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        var answer = await client.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
        var series = Assert.Single(answer.EnumerateArray());
        return Assert.Single(series.GetProperty("buckets").EnumerateArray(), b => b.GetProperty("count").GetInt64() > 0);
    }
}
