using System.Net.Http.Json;
using System.Text.Json;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Deployments;

/// <summary>Posting to the deployments API and reading its answers.</summary>
public static class DeploymentRequests
{
    public const string Route = "/api/v1/deployments";

    public static object Canary(string model = "asr", string version = "v2", string? baselineVersion = "v1", string strategy = "canary", string? note = null) =>
        new Dictionary<string, object?>
        {
            ["model"] = model,
            ["version"] = version,
            ["baselineVersion"] = baselineVersion,
            ["strategy"] = strategy,
            ["note"] = note,
        }.Where(kv => kv.Value is not null).ToDictionary();

    public static async Task<JsonElement> CreateAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync(Route, body ?? Canary());
        Assert.True(response.IsSuccessStatusCode, $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, long id, string action, object? body = null) =>
        body is null ? client.PostAsync($"{Route}/{id}/{action}", null) : client.PostAsJsonAsync($"{Route}/{id}/{action}", body);

    public static async Task<JsonElement> StepOkAsync(this HttpClient client, long id, string action, object? body = null)
    {
        var response = await client.StepAsync(id, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static Task<JsonElement> GetDeploymentAsync(this HttpClient client, long id) =>
        client.GetFromJsonAsync<JsonElement>($"{Route}/{id}");

    public static long Id(this JsonElement deployment) => deployment.GetProperty("id").GetInt64();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
