using MonitorDashboard.Statistics;

namespace MonitorDashboard.Tests.Statistics;

public sealed class QuantilesTests
{
    // Type 7: h = (n - 1) q, interpolate between x[floor h] and x[floor h + 1] (R quantile(type = 7), numpy "linear").
    [Theory]
    [InlineData(0.25, 1.75)] // h = 0.75: 1 + 0.75 (2 - 1)
    [InlineData(0.5, 2.5)]   // h = 1.5:  2 + 0.5 (3 - 2)
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.9, 3.7)]   // h = 2.7:  3 + 0.7 (4 - 3)
    public void Of_FourValues_InterpolatesLikeType7(double q, double expected)
    {
        Assert.Equal(expected, Quantiles.Of([1.0, 2.0, 3.0, 4.0], q), 12);
    }

    [Fact]
    public void Of_SingleValue_ReturnsIt()
    {
        Assert.Equal(7.0, Quantiles.Of([7.0], 0.99));
    }

    [Fact]
    public void Of_QuantileOutsideUnitInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Of([1.0, 2.0], 1.5));
    }
}
