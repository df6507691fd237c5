using MonitorDashboard.Statistics;

namespace MonitorDashboard.Tests.Statistics;

public sealed class TwoProportionsTests
{
    // Newcombe (1998), Statistics in Medicine 17:873-890, table II example (a): 56/70 - 48/80 = 0.2000,
    // method 10 interval 0.0524 to 0.3339. (The brief quoted 0.1667 [0.0186, 0.3072]; 56/70 - 48/80 is 0.2, and the
    // hand computation below reproduces the published 0.0524 / 0.3339.)
    // Wilson 95 % (z = 1.959964): 56/70 -> [0.691834, 0.876953]; 48/80 -> [0.490455, 0.700382].
    // L = 0.2 - √((0.8 - 0.691834)² + (0.700382 - 0.6)²) = 0.2 - 0.147550 = 0.0524
    // U = 0.2 + √((0.876953 - 0.8)² + (0.6 - 0.490455)²) = 0.2 + 0.133935 = 0.3339
    // Pooled z: p = 104/150 = 0.693333, se = √(p(1-p)(1/70 + 1/80)) = 0.075467, z = 0.2/0.075467 = 2.65017.
    [Fact]
    public void Compare_NewcombeExample_MatchesPublishedMethod10Interval()
    {
        var result = TwoProportions.Compare(48, 80, 56, 70);

        Assert.Equal(0.6, result.BaselineRate, 12);
        Assert.Equal(0.8, result.CandidateRate, 12);
        Assert.Equal(0.2, result.Difference, 12);
        Assert.Equal(0.0524, result.Lower, 4);
        Assert.Equal(0.3339, result.Upper, 4);
    }

    [Fact]
    public void Compare_NewcombeExample_PooledZ()
    {
        Assert.Equal(2.65017, TwoProportions.Compare(48, 80, 56, 70).Z, 4);
    }

    [Fact]
    public void Wilson_FiftySixOfSeventy_HandComputed()
    {
        var (lower, upper) = TwoProportions.Wilson(56, 70, 1.959964);

        Assert.Equal(0.691834, lower, 5);
        Assert.Equal(0.876953, upper, 5);
    }

    // H0: p_c = 2 p_b with 10/1000 vs 30/1000. Restricted p̃_b = 40/(1000 + 2·1000) = 0.013333, p̃_c = 0.026667;
    // Var = 0.026667·0.973333/1000 + 4·0.013333·0.986667/1000 = 7.857778e-5; z = (0.03 - 2·0.01)/0.0088644 = 1.12811.
    [Fact]
    public void MarginZ_RatioTwo_UsesVarianceUnderTheNull()
    {
        Assert.Equal(1.12811, TwoProportions.MarginZ(10, 1000, 30, 1000, 2), 4);
    }

    [Fact]
    public void MarginZ_NoEventsAnywhere_IsZero()
    {
        Assert.Equal(0.0, TwoProportions.MarginZ(0, 500, 0, 500, 1.1));
    }
}
