using MonitorDashboard.Deployments.Canary;
using MonitorDashboard.Tests.Statistics;

namespace MonitorDashboard.Tests.Deployments.Canary;

/// <summary>
/// A canary is judged on its cumulative data at every cycle; a fixed-alpha test re-run like that rolls back
/// healthy canaries far more often than alpha. These simulations check the always-valid, Bonferroni-split judge:
/// 200 seeded canaries of 60 cycles, each cycle adding 20 latency values and 50 requests per side
/// (1 % errors, 5 % null returns), judged with latency and errors critical and null returns not. (A third sample
/// metric would double the run time: the rate keeps the simulation within its budget.)
/// </summary>
public sealed class CanarySimulationTests(ITestOutputHelper output)
{
    private const int Canaries = 200;
    private const int Cycles = 60;
    private const int ValuesPerCycle = 20;
    private const int RequestsPerCycle = 50;
    private const double ErrorRate = 0.01;
    private const double NullRate = 0.05;

    [Fact]
    public void Judge_NoDifferenceCheckedEveryCycle_FalseRollbacksAtMostFivePercent()
    {
        var rolledBack = CountRollbacks(candidateLatencyScale: 1.0, seedBase: 10_000, out var meanCycle);

        output.WriteLine($"no difference: {rolledBack}/{Canaries} canaries rolled back at some cycle ({100.0 * rolledBack / Canaries:F1}%)");
        Assert.True(rolledBack <= Canaries * 5 / 100, $"{rolledBack} of {Canaries} healthy canaries were rolled back");
    }

    [Fact]
    public void Judge_Latency30PercentWorse_RolledBackInNinetyPercentBySixtyCycles()
    {
        var rolledBack = CountRollbacks(candidateLatencyScale: 1.3, seedBase: 20_000, out var meanCycle);

        output.WriteLine($"1.3x latency: {rolledBack}/{Canaries} rolled back by cycle {Cycles} ({100.0 * rolledBack / Canaries:F1}%), mean first rollback at cycle {meanCycle:F1}");
        Assert.True(rolledBack >= Canaries * 90 / 100, $"only {rolledBack} of {Canaries} slow canaries were rolled back");
    }

    private static int CountRollbacks(double candidateLatencyScale, int seedBase, out double meanCycle)
    {
        var firstRollback = new int[Canaries];
        Parallel.For(0, Canaries, i => firstRollback[i] = FirstRollbackCycle(seedBase + i, candidateLatencyScale));
        var rolled = firstRollback.Where(c => c > 0).ToArray();
        meanCycle = rolled.Length > 0 ? rolled.Average() : double.NaN;
        return rolled.Length;
    }

    /// <summary>The first cycle (1-based) that recommends Rollback, or 0 when none does.</summary>
    private static int FirstRollbackCycle(int seed, double candidateLatencyScale)
    {
        var samples = new SeededSamples(seed);
        List<double> baselineLatency = [], candidateLatency = [];
        long baselineErrors = 0, candidateErrors = 0, baselineNulls = 0, candidateNulls = 0, trials = 0;

        for (var cycle = 1; cycle <= Cycles; cycle++)
        {
            baselineLatency.AddRange(samples.LogNormals(ValuesPerCycle, 0, 0.5, 100));
            candidateLatency.AddRange(samples.LogNormals(ValuesPerCycle, 0, 0.5, 100 * candidateLatencyScale));
            baselineNulls += samples.Binomial(RequestsPerCycle, NullRate);
            candidateNulls += samples.Binomial(RequestsPerCycle, NullRate);
            baselineErrors += samples.Binomial(RequestsPerCycle, ErrorRate);
            candidateErrors += samples.Binomial(RequestsPerCycle, ErrorRate);
            trials += RequestsPerCycle;

            var analysis = CanaryJudge.Judge(
            [
                CanaryMetrics.Latency(baselineLatency, candidateLatency),
                CanaryMetrics.Errors(baselineErrors, trials, candidateErrors, trials),
                CanaryMetrics.NullReturns(baselineNulls, trials, candidateNulls, trials),
            ]);
            if (analysis.Recommendation == CanaryRecommendation.Rollback)
            {
                return cycle;
            }
        }
        return 0;
    }
}
