using MonitorDashboard.Statistics;

namespace MonitorDashboard.Tests.Statistics;

public sealed class MannWhitneyTests
{
    // baseline 1 2 3 3, candidate 3 4 5. Pooled order 1b 2b 3b 3b 3c 4c 5c: ranks 1, 2, the three 3s share
    // (3 + 4 + 5)/3 = 4, then 6 and 7. Candidate rank sum 4 + 6 + 7 = 17, U = 17 - 3·4/2 = 11
    // (pairs: candidate 3 beats 1 and 2 and ties two 3s = 3; 4 and 5 beat all four = 8; total 11 of 12).
    // Tie correction: one group of t = 3, Σ(t³ - t) = 24; Var U = 12/12 · (8 - 24/(7·6)) = 7.428571.
    // Z = (11 - 6)/√7.428571 = 1.834498 (no continuity correction).
    // p = 2(1 - Φ(1.8345)); tables Φ(1.83) = .96638, Φ(1.84) = .96712, interpolated .966713: p = 0.06657.
    private static readonly double[] Baseline = [1, 2, 3, 3];
    private static readonly double[] Candidate = [3, 4, 5];

    [Fact]
    public void Test_SmallSampleWithTies_MatchesHandComputedU()
    {
        var result = MannWhitney.Test(Baseline, Candidate);

        Assert.Equal(11.0, result.U, 12);
        Assert.Equal(11.0 / 12, result.Auc, 12);
    }

    [Fact]
    public void Test_SmallSampleWithTies_MatchesHandComputedTieCorrectedZ()
    {
        var result = MannWhitney.Test(Baseline, Candidate);

        Assert.Equal(1.834498, result.Z, 5);
        Assert.Equal(0.06657, result.PValueTwoSided, 3);
    }

    [Fact]
    public void Test_SwappedSamples_NegatesZAndComplementsU()
    {
        var forward = MannWhitney.Test(Baseline, Candidate);
        var backward = MannWhitney.Test(Candidate, Baseline);

        Assert.Equal(-forward.Z, backward.Z, 12);
        Assert.Equal(12 - forward.U, backward.U, 12);
    }

    [Fact]
    public void Test_AllValuesTied_ReturnsZeroZ()
    {
        var result = MannWhitney.Test([2.0, 2.0, 2.0], [2.0, 2.0]);

        Assert.Equal(0.0, result.Z);
        Assert.Equal(0.5, result.Auc, 12);
        Assert.Equal(1.0, result.PValueTwoSided, 12);
    }
}
