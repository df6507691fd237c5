using MonitorDashboard.Deployments.Canary;

namespace MonitorDashboard.Tests.Deployments.Canary;

public sealed class CanaryWireTests
{
    [Theory]
    [InlineData(CanaryVerdict.Pass, "pass")]
    [InlineData(CanaryVerdict.Worse, "worse")]
    [InlineData(CanaryVerdict.Better, "better")]
    [InlineData(CanaryVerdict.NoData, "nodata")]
    public void ToWire_Verdict_LowerCaseName(CanaryVerdict verdict, string expected)
    {
        Assert.Equal(expected, verdict.ToWire());
    }

    [Theory]
    [InlineData(CanaryRecommendation.Promote, "promote")]
    [InlineData(CanaryRecommendation.Hold, "hold")]
    [InlineData(CanaryRecommendation.Rollback, "rollback")]
    public void ToWire_Recommendation_LowerCaseName(CanaryRecommendation recommendation, string expected)
    {
        Assert.Equal(expected, recommendation.ToWire());
    }
}
