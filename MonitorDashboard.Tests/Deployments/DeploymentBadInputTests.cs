using System.Net;
using System.Net.Http.Json;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Deployments;

/// <summary>Every kind of bad input gets a 400 problem+json naming the field, and nothing is stored; unknown ids get 404.</summary>
public sealed class DeploymentBadInputTests(MonitorDashboardFactory app) : IClassFixture<MonitorDashboardFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string, string, string, string> BadRequests => new()
    {
        // which deployment ("new" = POST /), action, body, the errors key expected
        { "new", "", "{not json", "body" },
        { "new", "", "", "body" },
        { "new", "", "42", "body" },
        { "new", "", "null", "body" },
        { "new", "", """{"version":"v2","strategy":"canary"}""", "model" },
        { "new", "", """{"model":"asr","strategy":"canary"}""", "version" },
        { "new", "", """{"model":"asr","version":"v2","strategy":"linear"}""", "strategy" },
        { "new", "", """{"model":"asr","version":"v2"}""", "strategy" },
        { "new", "", """{"model":"asr","version":"v2","strategy":"canary","trafficPercent":101}""", "trafficPercent" },
        { "new", "", """{"model":"asr","version":"v2","strategy":"canary","trafficPercent":-1}""", "trafficPercent" },
        { "new", "", """{"model":"asr","version":"v2","strategy":"canary","trafficPercent":"lots"}""", "trafficPercent" },
        { "new", "", """{"model":"asr","version":"v2","strategy":"canary","trafficPercent":12.5}""", "trafficPercent" },
        { "new", "", """{"model":"a sr","version":"v2","strategy":"canary"}""", "model" },
        { "new", "", """{"model":"asr","version":"<v2>","strategy":"canary"}""", "version" },
        { "new", "", """{"model":"asr","stage":"eu west","version":"v2","strategy":"canary"}""", "stage" },
        { "new", "", $$"""{"model":"asr","version":"v2","baselineVersion":"{{new string('b', 65)}}","strategy":"canary"}""", "baselineVersion" },
        { "new", "", $$"""{"model":"asr","version":"v2","strategy":"canary","note":"{{new string('n', 501)}}"}""", "note" },
        { "active", "traffic", """{"trafficPercent":150}""", "trafficPercent" },
        { "active", "traffic", "{}", "trafficPercent" },
        { "active", "traffic", "", "body" },
        { "active", "traffic", "{oops", "body" },
        { "active", "rollback", """{"note":5}""", "note" },
        { "active", "promote", $$"""{"note":"{{new string('n', 501)}}"}""", "note" },
        { "ended", "rollback", "", "status" },
        { "ended", "promote", "{}", "status" },
        { "ended", "traffic", """{"trafficPercent":10}""", "status" },
        { "ended", "finish", "", "status" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Post_BadInput_Returns400NamingTheFieldAndStoresNothing(string target, string action, string body, string expectedKey)
    {
        var path = target switch
        {
            "new" => DeploymentRequests.Route,
            "active" => $"{DeploymentRequests.Route}/{(await _client.CreateAsync()).Id()}/{action}",
            _ => $"{DeploymentRequests.Route}/{await RolledBackIdAsync()}/{action}",
        };
        var before = (app.CountRows("Deployments"), app.CountRows("DeploymentEvents"), app.CountRows("AuditLog"));

        var response = await _client.PostRawToAsync(path, body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {body}: got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(expectedKey, out _), $"expected an error for '{expectedKey}' in {errors}");
        Assert.Equal(before, (app.CountRows("Deployments"), app.CountRows("DeploymentEvents"), app.CountRows("AuditLog")));
    }

    [Fact]
    public async Task List_ActiveNotABoolean_Returns400NamingActive()
    {
        var response = await _client.GetAsync($"{DeploymentRequests.Route}?active=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("active", out _));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/traffic")]
    [InlineData("POST", "/promote")]
    [InlineData("POST", "/rollback")]
    [InlineData("POST", "/finish")]
    public async Task UnknownId_Returns404Problem(string method, string action)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"{DeploymentRequests.Route}/987654{action}")
        {
            Content = method == "POST" ? JsonContent.Create(new { trafficPercent = 10 }) : null,
        };

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    private async Task<long> RolledBackIdAsync()
    {
        var id = (await _client.CreateAsync()).Id();
        await _client.StepOkAsync(id, "rollback");
        return id;
    }
}
