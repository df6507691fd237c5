using MonitorDashboard.Statistics;

namespace MonitorDashboard.Tests.Statistics;

public sealed class KolmogorovSmirnovTests
{
    // reference 1 2 3 4 5 (n = 5), current 3 5 6 7 (m = 4). ECDFs after each distinct value:
    //   x:    1   2   3    4    5    6    7
    //   F_r: .2  .4  .6   .8   1    1    1
    //   F_c:  0   0  .25  .25  .5   .75  1
    //   gap: .2  .4  .35  .55  .5   .25  0   -> D = 0.55
    // ne = 20/9, √ne = 1.490712, factor = 1.490712 + 0.12 + 0.11/1.490712 = 1.684502, λ = 0.926476.
    // Q = 2(e^(-2λ²) - e^(-8λ²) + e^(-18λ²)) = 2(0.1796551 - 0.0010417 + 0.0000002) = 0.357227.
    private static readonly double[] Reference = [1, 2, 3, 4, 5];
    private static readonly double[] Current = [3, 5, 6, 7];

    [Fact]
    public void TwoSample_SmallSamplesWithSharedValues_HandComputedD()
    {
        var result = KolmogorovSmirnov.TwoSample(Reference, Current);

        Assert.Equal(0.55, result.D, 12);
        Assert.Equal(5, result.N);
        Assert.Equal(4, result.M);
    }

    [Fact]
    public void TwoSample_SmallSamples_PValueFromStephensCorrectedSeries()
    {
        // λ < 1.18 takes the theta-function form in the code; the hand value used the alternating series.
        Assert.Equal(0.357227, KolmogorovSmirnov.TwoSample(Reference, Current).PValue, 5);
    }

    // Published critical points of the Kolmogorov distribution: P(K > 1.3581) = 0.05, P(K > 1.6276) = 0.01
    // (e.g. the asymptotic row of the Kolmogorov-Smirnov tables in Smirnov 1948 / Massey 1951).
    [Theory]
    [InlineData(1.3581, 0.05)]
    [InlineData(1.6276, 0.01)]
    [InlineData(1.2238, 0.10)]
    public void KolmogorovTail_PublishedCriticalPoints_MatchAlpha(double lambda, double alpha)
    {
        Assert.Equal(alpha, KolmogorovSmirnov.KolmogorovTail(lambda), 4);
    }

    [Fact]
    public void KolmogorovTail_BothSeriesForms_AgreeAtTheSwitch()
    {
        Assert.Equal(KolmogorovSmirnov.KolmogorovTail(1.1799999), KolmogorovSmirnov.KolmogorovTail(1.18), 6);
    }

    [Theory]
    [InlineData(0.01, 50, 50)]
    [InlineData(0.05, 500, 700)]
    [InlineData(0.001, 5000, 20)]
    public void CriticalValue_Any_InvertsPValue(double alpha, int n, int m)
    {
        var critical = KolmogorovSmirnov.CriticalValue(alpha, n, m);

        Assert.Equal(alpha, KolmogorovSmirnov.PValue(critical, n, m), 9);
        Assert.True(KolmogorovSmirnov.PValue(critical * 1.001, n, m) < alpha);
        Assert.True(KolmogorovSmirnov.PValue(critical * 0.999, n, m) > alpha);
    }

    [Fact]
    public void CriticalValue_TinySamples_IsUnreachableAboveOne()
    {
        Assert.True(KolmogorovSmirnov.CriticalValue(0.01, 1, 1) > 1);
    }
}
