using MonitorDashboard.Drift;
using MonitorDashboard.Statistics;
using MonitorDashboard.Tests.Statistics;

namespace MonitorDashboard.Tests.Drift;

/// <summary>Seeded simulations of the drift decision: calibrated at every size, powerful at a half-sigma shift.</summary>
public sealed class DriftSimulationTests(ITestOutputHelper output)
{
    private const int Trials = 200;

    [Theory]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(5000)]
    public void Compare_NoShift_FiresAtMostEightPercent(int n)
    {
        var fired = Count(n, shift: 0, seedBase: 1000 * n, r => DriftTest.Compare(r.Reference, r.Current)!.Drifted);

        output.WriteLine($"no shift, n = {n}: KS drift at alpha {DriftTest.DefaultAlpha} fired {fired}/{Trials} ({100.0 * fired / Trials:F1}%)");
        Assert.True(fired <= Trials * 8 / 100, $"{fired} of {Trials} false alarms");
    }

    [Fact]
    public void Compare_HalfSigmaShiftAtFiveHundred_FiresAtLeastNinetyFivePercent()
    {
        var fired = Count(500, shift: 0.5, seedBase: 77, r => DriftTest.Compare(r.Reference, r.Current)!.Drifted);

        output.WriteLine($"0.5 sigma shift, n = 500: fired {fired}/{Trials} ({100.0 * fired / Trials:F1}%)");
        Assert.True(fired >= Trials * 95 / 100, $"only {fired} of {Trials} shifts found");
    }

    // Why a fixed PSI cut-off is not the decision: with no change PSI over 10 bins averages about 9 (1/n + 1/m),
    // 0.18 at n = 100, so "PSI > 0.1" fires most of the time.
    [Fact]
    public void PopulationStabilityAboveTenth_NoShiftAtHundred_FiresMoreThanThirtyPercent()
    {
        var fired = Count(100, shift: 0, seedBase: 4242, r => PopulationStability.Index(r.Reference, r.Current) > 0.1);

        output.WriteLine($"no shift, n = 100: fixed rule PSI > 0.1 fired {fired}/{Trials} ({100.0 * fired / Trials:F1}%)");
        Assert.True(fired > Trials * 30 / 100, $"PSI rule fired only {fired} of {Trials}");
    }

    private static int Count(int n, double shift, int seedBase, Func<(double[] Reference, double[] Current), bool> fires)
    {
        var fired = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var samples = new SeededSamples(seedBase + trial);
            if (fires((samples.Normals(n), samples.Normals(n, mean: shift))))
            {
                fired++;
            }
        }
        return fired;
    }
}
