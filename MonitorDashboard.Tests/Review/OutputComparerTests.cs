using System.Text.Json;
using MonitorDashboard.Review;

namespace MonitorDashboard.Tests.Review;

public sealed class OutputComparerTests
{
    private static bool Agrees(string production, string shadow, ComparisonOptions options) =>
        OutputComparer.Agrees(JsonDocument.Parse(production).RootElement, JsonDocument.Parse(shadow).RootElement, options);

    private static readonly ComparisonOptions Exact = new();

    [Theory]
    [InlineData("""{"label":"cat","score":1}""", """{ "score": 1.0, "label": "cat" }""", true)]
    [InlineData("""{"label":"cat"}""", """{"label":"Cat"}""", false)]
    [InlineData("""[1,2]""", """[2,1]""", false)]
    [InlineData("\"yes\"", "\"yes\"", true)]
    public void Exact_CanonicalJson_IgnoresKeyOrderSpacingAndNumberSpelling(string production, string shadow, bool expected) =>
        Assert.Equal(expected, Agrees(production, shadow, Exact));

    [Theory]
    [InlineData("""{"label":"cat","score":0.9}""", """{"label":"cat","score":0.4}""", true)]
    [InlineData("""{"label":"cat"}""", """{"label":"dog"}""", false)]
    [InlineData("""{"label":"cat"}""", """{"other":"cat"}""", false)]
    public void Field_ComparesOnlyThatField(string production, string shadow, bool expected) =>
        Assert.Equal(expected, Agrees(production, shadow, new ComparisonOptions { Mode = ComparisonMode.Field, FieldPath = "label" }));

    [Theory]
    [InlineData("10.0", "10.04", true)]
    [InlineData("10.0", "10.06", false)]
    [InlineData("10", "\"10\"", false)]
    public void Numeric_WithinTolerance(string production, string shadow, bool expected) =>
        Assert.Equal(expected, Agrees(production, shadow, new ComparisonOptions { Mode = ComparisonMode.Numeric, Tolerance = 0.05 }));

    [Fact]
    public void Text_CaseSpaceAndPunctuationNormalised_Agrees() =>
        Assert.True(Agrees("\"Turn on  the lights!\"", "\"turn on the lights\"", new ComparisonOptions { Mode = ComparisonMode.Text }));

    [Fact]
    public void Text_OneWordDifferentWithoutWer_Disagrees() =>
        Assert.False(Agrees("\"turn on the lights\"", "\"turn off the lights\"", new ComparisonOptions { Mode = ComparisonMode.Text }));

    [Theory]
    [InlineData(0.25, true)]  // one substitution in four words: WER 0.25
    [InlineData(0.2, false)]
    public void Text_WithMaxWer_AgreesUpToThatRate(double maxWer, bool expected) =>
        Assert.Equal(expected, Agrees("\"turn on the lights\"", "\"turn off the lights\"", new ComparisonOptions { Mode = ComparisonMode.Text, MaxWordErrorRate = maxWer }));

    [Theory]
    [InlineData("a b c d", "a b c d", 0)]
    [InlineData("a b c d", "a x c d", 0.25)]       // substitution
    [InlineData("a b c d", "a c d", 0.25)]         // deletion
    [InlineData("a b c d", "a b y c d", 0.25)]     // insertion
    [InlineData("a b", "c d e f", 2)]              // more errors than reference words
    [InlineData("", "", 0)]
    [InlineData("", "a", 1)]
    public void WordErrorRate_KnownCases(string reference, string hypothesis, double expected) =>
        Assert.Equal(expected, OutputComparer.WordErrorRate(OutputComparer.Words(reference), OutputComparer.Words(hypothesis)), 9);

    [Fact]
    public void Text_PathIntoTranscript_ComparesThatText() =>
        Assert.True(Agrees("""{"transcript":"Hello, World"}""", """{"transcript":"hello world","lang":"en"}""",
            new ComparisonOptions { Mode = ComparisonMode.Text, FieldPath = "transcript" }));
}
