using MonitorDashboard.Drift;

namespace MonitorDashboard.Tests.Drift;

public sealed class HistogramTests
{
    [Fact]
    public void Build_TwoSamples_SharesSumToOnePerSide()
    {
        var data = Histogram.Build([1, 2, 3, 4, 5, 6, 7, 8], [2, 4, 4, 5], bins: 4);

        Assert.Equal(5, data.Edges.Length);
        Assert.Equal(1.0, data.ReferenceShares.Sum(), 12);
        Assert.Equal(1.0, data.CurrentShares.Sum(), 12);
    }

    // Pooled 0..199, 50 and 1e6: 202 values, the outlier is under 0.5 % of them. Type 7 99.5 %: h = 201 · 0.995 = 199.995,
    // between x[199] = 198 and x[200] = 199, so 198.995: the top edge stays near 199 (not 1e6) and the outlier is
    // counted in the last bin; half of the current sample (the 1e6) sits there.
    [Fact]
    public void Build_FarOutlier_ClampedIntoLastBin()
    {
        var reference = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();

        var data = Histogram.Build(reference, [50, 1_000_000], bins: 10);

        Assert.True(data.Edges[^1] < 300, $"last edge {data.Edges[^1]}");
        Assert.Equal(0.5, data.CurrentShares[^1], 12);
    }

    // 201 values 0..200: the 0.5 % quantile is 200·0.005 = 1 and the 99.5 % quantile 199.
    [Fact]
    public void Build_UniformValues_EdgesSpanPooledHalfPercentQuantiles()
    {
        var values = Enumerable.Range(0, 201).Select(i => (double)i).ToArray();

        var data = Histogram.Build(values, values, bins: 4);

        Assert.Equal([1.0, 50.5, 100.0, 149.5, 199.0], data.Edges);
    }

    [Fact]
    public void Build_ConstantValues_StillHasWidth()
    {
        var data = Histogram.Build([3, 3, 3], [3, 3], bins: 2);

        Assert.True(data.Edges[^1] > data.Edges[0]);
        Assert.Equal(1.0, data.ReferenceShares.Sum(), 12);
    }
}
