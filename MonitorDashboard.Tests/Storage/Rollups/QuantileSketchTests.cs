using MonitorDashboard.Storage.Rollups;

namespace MonitorDashboard.Tests.Storage.Rollups;

public sealed class QuantileSketchTests
{
    private const double Error = QuantileSketch.RelativeAccuracy;

    public static TheoryData<string> Distributions => ["lognormal", "uniform", "signed", "with-zeros"];

    private static double[] Sample(string distribution, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => distribution switch
        {
            "lognormal" => Math.Exp(4 + (1.2 * Gaussian(random))),
            "uniform" => random.NextDouble() * 1000,
            "signed" => (random.NextDouble() - 0.5) * 200,
            _ => random.Next(4) == 0 ? 0 : random.NextDouble(),
        }).ToArray();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>The exact type-7 percentile lies between two ranks; the sketch must land within its error of that interval.</summary>
    internal static void AssertWithinError(double[] sortedValues, double quantile, double estimate)
    {
        var rank = quantile * (sortedValues.Length - 1);
        var low = sortedValues[(int)Math.Floor(rank)];
        var high = sortedValues[(int)Math.Ceiling(rank)];
        var lowest = low - (Math.Abs(low) * Error) - 1e-12;
        var highest = high + (Math.Abs(high) * Error) + 1e-12;
        Assert.True(estimate >= lowest && estimate <= highest,
            $"p{quantile * 100} estimate {estimate} is outside [{lowest}, {highest}] (exact {BucketAggregatorPercentile(sortedValues, quantile)})");
    }

    private static double BucketAggregatorPercentile(double[] sorted, double quantile) => MonitorDashboard.Storage.BucketAggregator.Percentile(sorted, quantile);

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Quantile_RandomData_IsWithinOnePercentOfTheExactPercentile(string distribution)
    {
        var values = Sample(distribution, 20_000, seed: distribution.Length);
        var sketch = new QuantileSketch();
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        Array.Sort(values);
        foreach (var q in new[] { 0.0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0 })
        {
            AssertWithinError(values, q, sketch.Quantile(q));
        }
    }

    [Fact]
    public void MergeBytes_SketchesOfPartsStoredAndMerged_AnswerLikeOneSketchOfEverything()
    {
        var values = Sample("lognormal", 30_000, seed: 7);
        var whole = new QuantileSketch();
        var merged = new QuantileSketch();
        foreach (var part in values.Chunk(1_000))
        {
            var sketch = new QuantileSketch();
            foreach (var value in part)
            {
                sketch.Add(value);
                whole.Add(value);
            }
            merged.MergeBytes(sketch.ToBytes());
        }

        Assert.Equal(whole.Count, merged.Count);
        foreach (var q in new[] { 0.5, 0.95, 0.99 })
        {
            Assert.Equal(whole.Quantile(q), merged.Quantile(q));
        }
    }

    [Fact]
    public void Quantiles_SeveralAtOnce_MatchOneAtATime()
    {
        var sketch = new QuantileSketch();
        foreach (var value in Sample("signed", 5_000, seed: 3))
        {
            sketch.Add(value);
        }
        var results = new double[3];

        sketch.Quantiles([0.5, 0.95, 0.99], results);

        Assert.Equal([sketch.Quantile(0.5), sketch.Quantile(0.95), sketch.Quantile(0.99)], results);
    }

    [Fact]
    public void Add_ValuesSpanningHundredsOfDecades_KeepsMemoryBoundedAndTheHighQuantilesRight()
    {
        // A broken or hostile client: 1e-9 .. 1e300 would need 36,000 bins; the lowest are folded together instead.
        var values = Enumerable.Range(0, 3_000).Select(i => Math.Pow(10, -9 + (i * 309.0 / 3_000))).ToArray();
        var sketch = new QuantileSketch();
        foreach (var value in values)
        {
            sketch.Add(value);
        }

        Assert.Equal(3_000, sketch.Count);
        Assert.InRange(sketch.ToBytes().Length, 100, QuantileSketch.MaxBinsPerSign); // about 175 bins kept, 2 bytes each
        Array.Sort(values);
        AssertWithinError(values, 0.99, sketch.Quantile(0.99));
        AssertWithinError(values, 0.95, sketch.Quantile(0.95));
    }

    [Fact]
    public void Quantile_Empty_IsNaN() => Assert.True(double.IsNaN(new QuantileSketch().Quantile(0.5)));

    [Fact]
    public void ToBytes_ManyValuesOfLatencySpread_StaysSmall()
    {
        var sketch = new QuantileSketch();
        foreach (var value in Sample("lognormal", 100_000, seed: 11))
        {
            sketch.Add(value);
        }

        // Bins grow with the spread (about 115 per decade), not with the number of values.
        Assert.InRange(sketch.ToBytes().Length, 50, 2_000);
    }

    [Fact]
    public void MergeBytes_UnknownFormat_IsRejected() =>
        Assert.Throws<InvalidDataException>(() => new QuantileSketch().MergeBytes([99, 0, 0, 0]));
}
