using System.Net;
using System.Text;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Integration;

/// <summary>Every kind of bad input gets a 4xx problem+json naming the offending field, and nothing of the batch is stored.</summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.SmallBodyFactory>
{
    public sealed class SmallBodyFactory : MonitorDashboardFactory
    {
        public SmallBodyFactory() => Settings["Ingest:MaxBodyBytes"] = "65536";
    }

    private const string Valid = """{"model":"asr","kind":"software","name":"latency_ms","value":1}""";
    private readonly SmallBodyFactory _factory;

    public BadInputTests(SmallBodyFactory factory) => _factory = factory;

    public static TheoryData<string, string, string> BadBatches => new()
    {
        // body, the errors key expected, description
        { "{not json", "body", "malformed JSON" },
        { "", "body", "empty body" },
        { "[]", "body", "empty array" },
        { "42", "body", "a number instead of events" },
        { "[42]", "[0].event", "an event that is not an object" },
        { """[{"kind":"software","name":"latency_ms","value":1}]""", "[0].model", "missing model" },
        { """[{"model":"asr","kind":"software","value":1}]""", "[0].name", "missing name" },
        { """[{"model":"asr","kind":"software","name":"latency_ms"}]""", "[0].value", "missing value" },
        { """[{"model":"asr","kind":"hardware","name":"latency_ms","value":1}]""", "[0].kind", "unknown kind" },
        { """[{"model":"asr","kind":null,"name":"latency_ms","value":1}]""", "[0].kind", "null kind" },
        { """[{"model":"asr","kind":"software","name":"latency_ms","value":"12"}]""", "[0].value", "value as a string" },
        { """[{"model":"asr","kind":"software","name":"latency_ms","value":NaN}]""", "body", "NaN literal" },
        { """[{"model":"asr","kind":"software","name":"latency_ms","value":Infinity}]""", "body", "Infinity literal" },
        { """[{"model":"asr","kind":"software","name":"latency_ms","value":1e400}]""", "[0].value", "number beyond a double" },
        { """[{"model":"a sr","kind":"software","name":"latency_ms","value":1}]""", "[0].model", "space in a name" },
        { $$"""[{"model":"{{new string('m', 65)}}","kind":"software","name":"latency_ms","value":1}]""", "[0].model", "name longer than 64" },
        { """[{"model":"asr","kind":"software","name":"<img src=x>","value":1}]""", "[0].name", "markup in a name" },
        { $$"""[{"id":"{{new string('i', 65)}}","model":"asr","kind":"software","name":"x","value":1}]""", "[0].id", "id longer than 64" },
        { """[{"model":"asr","kind":"software","name":"x","value":1,"ts":"yesterday"}]""", "[0].ts", "unparseable time" },
        { """[{"model":"asr","kind":"software","name":"x","value":1,"ts":"2026-01-01T00:00:00"}]""", "[0].ts", "time without zone" },
        { """[{"model":"asr","kind":"software","name":"x","value":1,"ts":"2999-01-01T00:00:00Z"}]""", "[0].ts", "time far in the future" },
        { """[{"model":"asr","kind":"software","name":"x","value":1,"tags":{"region":5}}]""", "[0].tags.region", "non-string tag value" },
        { """[{"model":"asr","kind":"software","name":"x","value":1,"tags":["eu"]}]""", "[0].tags", "tags as an array" },
        { $$"""[{"model":"asr","kind":"software","name":"x","value":1,"tags":{{TooManyTags()}}}]""", "[0].tags", "17 tags" },
        { """[{"model":"asr","kind":"software","name":"x","value":1,"timestamp":"2026-01-01T00:00:00Z"}]""", "[0].timestamp", "unknown field" },
        { $"[{Valid},{Valid},{{\"model\":\"asr\",\"kind\":\"software\",\"name\":\"x\",\"value\":true}}]", "[2].value", "third event bad, first two good" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task PostEvents_BadInput_Returns400ProblemNamingTheFieldAndStoresNothing(string body, string expectedErrorKey, string description)
    {
        var client = _factory.CreateClient();
        var pointsBefore = _factory.Services.GetRequiredService<MonitorDashboard.Ingestion.IngestCounters>().Snapshot().Accepted;

        var response = await client.PostRawAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{description}: got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(expectedErrorKey, out _),
            $"{description}: expected an error for '{expectedErrorKey}' in {problem.GetProperty("errors")}");
        Assert.Equal(pointsBefore, _factory.Services.GetRequiredService<MonitorDashboard.Ingestion.IngestCounters>().Snapshot().Accepted);
        Assert.Equal(0, _factory.CountPoints());
    }

    [Fact]
    public async Task PostEvents_BodyOverLimit_Returns413ProblemAndStoresNothing()
    {
        var client = _factory.CreateClient();
        var events = string.Join(",", Enumerable.Repeat(Valid, 1500)); // about 90 KB, limit 64 KiB

        var response = await client.PostRawAsync($"[{events}]");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body", (await response.ReadJsonAsync()).GetProperty("field").GetString());
        Assert.Equal(0, _factory.CountPoints());
    }

    [Fact]
    public async Task PostEvents_ChunkedBodyOverLimit_Returns413()
    {
        var client = _factory.CreateClient();
        var bytes = Encoding.UTF8.GetBytes($"[{string.Join(",", Enumerable.Repeat(Valid, 1500))}]");
        using var content = new StreamContent(new MemoryStream(bytes)); // no Content-Length: streamed
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/v1/events", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostEvents_MoreThanTenThousandEvents_Returns400()
    {
        var client = _factory.CreateClient();
        var response = await client.PostRawAsync($"[{string.Join(",", Enumerable.Repeat("{}", 10_001))}]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10000", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task PostEvents_SeveralBadEvents_ListsEachByIndex()
    {
        var client = _factory.CreateClient();
        var response = await client.PostRawAsync($$"""[{"model":"asr"},{{Valid}},{"model":"asr","kind":"x","name":"y","value":1}]""");

        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("[0].kind", out _));
        Assert.True(errors.TryGetProperty("[0].name", out _));
        Assert.True(errors.TryGetProperty("[0].value", out _));
        Assert.True(errors.TryGetProperty("[2].kind", out _));
        Assert.DoesNotContain(errors.EnumerateObject(), e => e.Name.StartsWith("[1]", StringComparison.Ordinal));
    }

    private static string TooManyTags() =>
        "{" + string.Join(",", Enumerable.Range(0, 17).Select(i => $"\"k{i}\":\"v\"")) + "}";
}
