using MonitorDashboard.Statistics;

namespace MonitorDashboard.Tests.Statistics;

public sealed class PopulationStabilityTests
{
    private static readonly double[] Reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    // Two bins cut at the reference median 5.5: reference shares .5 / .5.
    // current 1..8: 5 of 8 at or below 5.5 -> .625 / .375.
    // PSI = (.625 - .5) ln(.625/.5) + (.375 - .5) ln(.375/.5) = .125 · 0.2231436 + .125 · 0.2876821 = 0.0638532.
    [Fact]
    public void Index_TwoBins_HandComputed()
    {
        Assert.Equal(0.0638532, PopulationStability.Index(Reference, [1, 2, 3, 4, 5, 6, 7, 8], bins: 2), 6);
    }

    // current 1 2 3: shares 1 / 0; the empty bin counts as 1e-4.
    // PSI = .5 ln 2 + (1e-4 - .5) ln(1e-4/.5) = 0.3465736 + 0.4999 · 8.5171932 = 4.6043185.
    [Fact]
    public void Index_EmptyBin_UsesSmallShareInsteadOfInfinity()
    {
        Assert.Equal(4.6043185, PopulationStability.Index(Reference, [1, 2, 3], bins: 2), 6);
    }

    [Fact]
    public void Index_SameSample_IsZero()
    {
        Assert.Equal(0.0, PopulationStability.Index(Reference, Reference), 12);
    }
}
