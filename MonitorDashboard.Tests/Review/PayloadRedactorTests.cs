using System.Text.Json;
using MonitorDashboard.Configuration;
using MonitorDashboard.Review.Privacy;

namespace MonitorDashboard.Tests.Review;

public sealed class PayloadRedactorTests
{
    private static string Redact(string json, PayloadPrivacyOptions rules) => PayloadRedactor.Redact(JsonDocument.Parse(json).RootElement, rules);

    [Fact]
    public void Redact_EmailPattern_MasksAddressesInsideTextAtAnyDepth()
    {
        var redacted = Redact("""{"text":"mail anna.berg@example.org now","turns":[{"said":"or a.b@c.io"}],"n":3}""",
            new PayloadPrivacyOptions { RedactPatterns = ["email"] });

        Assert.Equal("""{"text":"mail [redacted] now","turns":[{"said":"or [redacted]"}],"n":3}""", redacted);
    }

    [Fact]
    public void Redact_PhonePattern_MasksNumbersButNotDurationsOrCounts()
    {
        var redacted = Redact("""{"text":"call +49 (30) 1234-5678 please","duration_s":"1.9","count":"12345"}""",
            new PayloadPrivacyOptions { RedactPatterns = ["phone"] });

        Assert.Equal("""{"text":"call [redacted] please","duration_s":"1.9","count":"12345"}""", redacted);
    }

    [Fact]
    public void Redact_PathsAndCustomPattern_MaskWholeValuesAndMatches()
    {
        var redacted = Redact("""{"user":{"name":"Anna","id":"u-7"},"text":"order 4711-XY"}""",
            new PayloadPrivacyOptions { RedactPaths = ["user.name"], RedactPatterns = [@"\d{4}-[A-Z]{2}"] });

        Assert.Equal("""{"user":{"name":"[redacted]","id":"u-7"},"text":"order [redacted]"}""", redacted);
    }

    [Fact]
    public void Redact_UserIdThatLooksLikeAnEmail_KeptSoErasureCanFindIt()
    {
        var redacted = Redact("""{"user":{"id":"anna@example.org"},"text":"from anna@example.org"}""",
            new PayloadPrivacyOptions { RedactPatterns = ["email"], RedactPaths = ["user.id"], UserIdPath = "user.id" });

        Assert.Equal("""{"user":{"id":"anna@example.org"},"text":"from [redacted]"}""", redacted);
    }

    [Fact]
    public void Redact_NoRules_ReturnsThePayloadAsSent()
    {
        Assert.Equal("""{"a": "x@y.org"}""", Redact("""{"a": "x@y.org"}""", new PayloadPrivacyOptions()));
    }
}
