using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion;

namespace MonitorDashboard.Tests.Ingestion;

public sealed class EventBatchParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly EventBatchParser _parser = new(Options.Create(new IngestOptions()), new FakeTimeProvider(Now));

    private EventBatch Parse(string json) => _parser.Parse(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Parse_NoTimestamp_UsesReceiveTime()
    {
        var e = Assert.Single(Parse("""{"model":"asr","kind":"output","name":"ctr","value":0.4}""").Events);

        Assert.Equal(Now.ToUnixTimeMilliseconds(), e.TimestampMs);
        Assert.Equal("output", e.Series.Kind);
    }

    [Fact]
    public void Parse_TimestampWithOffset_ConvertedToUtc()
    {
        var e = Assert.Single(Parse("""{"model":"asr","kind":"input","name":"x","value":1,"ts":"2026-11-25T13:00:00+01:00"}""").Events);

        Assert.Equal(Now.ToUnixTimeMilliseconds(), e.TimestampMs);
    }

    [Theory]
    [InlineData("2026-11-25T12:04:59Z", true)]
    [InlineData("2026-11-25T12:05:01Z", false)]
    public void Parse_TimestampInTheFuture_AllowedUpToFiveMinutes(string ts, bool valid)
    {
        var batch = Parse($$"""{"model":"asr","kind":"input","name":"x","value":1,"ts":"{{ts}}"}""");

        Assert.Equal(valid, batch.IsValid);
    }

    [Fact]
    public void Parse_TagsInAnyOrder_SortedByKeySoTheSeriesIsTheSame()
    {
        var batch = Parse("""[{"model":"a","kind":"software","name":"x","value":1,"tags":{"zone":"b","region":"eu"}},{"model":"a","kind":"software","name":"x","value":1,"tags":{"region":"eu","zone":"b"}}]""");

        Assert.Equal(batch.Events[0].Series, batch.Events[1].Series);
        Assert.Equal("""{"region":"eu","zone":"b"}""", batch.Events[0].Series.Tags);
    }

    [Fact]
    public void Parse_OneBadEvent_ReturnsNoEventsAtAll()
    {
        var batch = Parse("""[{"model":"a","kind":"software","name":"x","value":1},{"model":"a","kind":"software","name":"x"}]""");

        Assert.Empty(batch.Events);
        Assert.Equal(new EventError(1, "value", "is required"), Assert.Single(batch.Errors));
    }

    [Fact]
    public void Parse_BatchRepeatingNamesAndTimestamps_EachEventKeepsItsOwnValuesAndErrorsAreStillFound()
    {
        var batch = Parse("""
            [{"model":"asr","kind":"input","name":"x","value":1,"ts":"2026-11-25T12:00:00Z"},
             {"model":"asr","kind":"input","name":"x","value":2,"ts":"2026-11-25T12:00:00Z"},
             {"model":"asr","kind":"input","name":"y","value":3,"ts":"2026-11-25T11:59:00Z"},
             {"model":"a sr","kind":"input","name":"x","value":4,"ts":"2026-11-25T11:59:00+00:00:00"}]
            """);

        Assert.Equal([("model", 3), ("ts", 3)], batch.Errors.Select(e => (e.Field, e.Index)).Order());
        var valid = Parse("""
            [{"model":"asr","kind":"input","name":"x","value":1,"ts":"2026-11-25T12:00:00Z"},
             {"model":"asr","kind":"input","name":"x","value":2,"ts":"2026-11-25T12:00:00Z"},
             {"model":"asr","kind":"input","name":"y","value":3,"ts":"2026-11-25T11:59:00Z"}]
            """);
        Assert.Equal(["x", "x", "y"], valid.Events.Select(e => e.Series.Name));
        Assert.Equal([Now.ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds(), Now.AddMinutes(-1).ToUnixTimeMilliseconds()], valid.Events.Select(e => e.TimestampMs));
    }
}
