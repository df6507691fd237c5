using MonitorDashboard.Statistics;

namespace MonitorDashboard.Tests.Statistics;

public sealed class AlwaysValidTests
{
    // z = 3, nEff = 100, τ = 0.1: ρ = 100 · 0.01 = 1; Λ = 2^(-1/2) exp(9 · 1/(2 · 2)) = 0.7071068 · 9.4877358 = 6.708842.
    [Fact]
    public void LikelihoodRatio_HandComputedPoint()
    {
        Assert.Equal(6.708842, AlwaysValid.LikelihoodRatio(3, 100, 0.1), 5);
    }

    [Fact]
    public void PValue_HandComputedPoint_IsReciprocalOfLikelihoodRatio()
    {
        Assert.Equal(0.149057, AlwaysValid.PValue(3, 100, 0.1), 5);
    }

    [Fact]
    public void PValue_NoEvidence_IsCappedAtOne()
    {
        Assert.Equal(1.0, AlwaysValid.PValue(0, 100, 0.1));
    }

    [Theory]
    [InlineData(0.2, true)]  // 1/α = 5 ≤ 6.71
    [InlineData(0.1, false)] // 1/α = 10 > 6.71
    public void Rejects_HandComputedPoint_ComparesWithOneOverAlpha(double alpha, bool expected)
    {
        Assert.Equal(expected, AlwaysValid.Rejects(3, 100, 0.1, alpha));
    }

    [Fact]
    public void Rejects_HugeZ_DoesNotOverflow()
    {
        Assert.True(AlwaysValid.Rejects(1e6, 1e6, 0.15, 1e-9));
    }

    [Fact]
    public void EffectiveN_TwoSamples_IsHarmonicForm()
    {
        Assert.Equal(120.0, AlwaysValid.EffectiveN(200, 300), 12);
    }
}
