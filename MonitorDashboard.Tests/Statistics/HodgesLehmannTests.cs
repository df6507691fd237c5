using MonitorDashboard.Statistics;

namespace MonitorDashboard.Tests.Statistics;

public sealed class HodgesLehmannTests
{
    // baseline 1 3 6, candidate 2 5 9 10. Differences candidate - baseline:
    //   2: 1 -1 -4 | 5: 4 2 -1 | 9: 8 6 3 | 10: 9 7 4
    // sorted: -4 -1 -1 1 2 3 | 4 4 6 7 8 9, N = 12, median = (3 + 4)/2 = 3.5.
    // Moses: C = floor(N/2 - z √(n1 n2 (n1 + n2 + 1)/12)) = floor(6 - z √8).
    //   50 %: z = 0.674490, 6 - 1.907750 = 4.09 -> C = 4: [d(4), d(9)] = [1, 6].
    //   95 %: z = 1.959964, 6 - 5.543645 = 0.46 -> C = 0, raised to 1: the whole range [-4, 9].
    private static readonly double[] Baseline = [1, 3, 6];
    private static readonly double[] Candidate = [2, 5, 9, 10];

    [Fact]
    public void Estimate_SmallSample_ShiftIsMedianOfPairwiseDifferences()
    {
        Assert.Equal(3.5, HodgesLehmann.Estimate(Baseline, Candidate).Shift, 12);
    }

    [Fact]
    public void Estimate_FiftyPercentConfidence_MosesOrderStatistics()
    {
        var result = HodgesLehmann.Estimate(Baseline, Candidate, 0.5);

        Assert.Equal(1.0, result.Lower, 12);
        Assert.Equal(6.0, result.Upper, 12);
    }

    [Fact]
    public void Estimate_TooFewValuesForConfidence_ReturnsFullRange()
    {
        var result = HodgesLehmann.Estimate(Baseline, Candidate, 0.95);

        Assert.Equal(-4.0, result.Lower, 12);
        Assert.Equal(9.0, result.Upper, 12);
    }

    // The selection never builds the differences; compare it with sorting all of them, beyond the size where
    // the selection switches to its iterative path (4,096 pairs), with continuous values and with heavy ties.
    [Theory]
    [InlineData(80, 97, false)]
    [InlineData(200, 301, true)]
    [InlineData(1, 5000, false)]
    public void Estimate_LargerSamples_EqualsBruteForceOrderStatistics(int n1, int n2, bool integers)
    {
        var samples = new SeededSamples(n1 + n2);
        var baseline = integers ? Enumerable.Range(0, n1).Select(_ => (double)samples.Integer(6)).ToArray() : samples.Normals(n1);
        var candidate = integers ? Enumerable.Range(0, n2).Select(_ => (double)samples.Integer(6)).ToArray() : samples.Normals(n2, 0.3);
        var all = (from c in candidate from b in baseline select c - b).Order().ToArray();
        var count = all.Length;
        var median = count % 2 == 1 ? all[count / 2] : (all[count / 2 - 1] + all[count / 2]) / 2;
        var c95 = (int)Math.Max(1, Math.Floor(count / 2.0 - 1.959964 * Math.Sqrt((double)n1 * n2 * (n1 + n2 + 1) / 12)));

        var result = HodgesLehmann.Estimate(baseline, candidate);

        Assert.Equal(median, result.Shift, 12);
        Assert.Equal(all[c95 - 1], result.Lower, 12);
        Assert.Equal(all[count - c95], result.Upper, 12);
    }
}
