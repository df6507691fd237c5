using MonitorDashboard.Drift;
using MonitorDashboard.Statistics;
using MonitorDashboard.Tests.Statistics;

namespace MonitorDashboard.Tests.Drift;

public sealed class DriftTestTests
{
    [Fact]
    public void Compare_TooFewValues_ReturnsNull()
    {
        var samples = new SeededSamples(1);

        Assert.Null(DriftTest.Compare(samples.Normals(19), samples.Normals(100)));
        Assert.Null(DriftTest.Compare(samples.Normals(100), samples.Normals(19)));
    }

    [Fact]
    public void Compare_ClearShift_DriftedWithScoreAboveOne()
    {
        var samples = new SeededSamples(2);

        var result = DriftTest.Compare(samples.Normals(400), samples.Normals(300, mean: 1))!;

        Assert.True(result.Drifted);
        Assert.True(result.Score > 1);
        Assert.Equal(300, result.N);
        Assert.Equal(400, result.ReferenceN);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Compare_Any_DecisionAgreesWithThresholdAndScore(int seed)
    {
        var samples = new SeededSamples(seed);
        // Shifts near the detection limit give both outcomes across seeds.
        var result = DriftTest.Compare(samples.Normals(60), samples.Normals(50, mean: 0.35 * (seed - 3)))!;

        Assert.Equal(KolmogorovSmirnov.CriticalValue(DriftTest.DefaultAlpha, 60, 50), result.Threshold, 12);
        Assert.Equal(result.Drifted, result.Ks > result.Threshold);
        Assert.Equal(result.Drifted, result.Score > 1);
        Assert.Equal(result.Ks / result.Threshold, result.Score, 12);
    }
}
