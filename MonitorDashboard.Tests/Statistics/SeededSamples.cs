namespace MonitorDashboard.Tests.Statistics;

/// <summary>Reproducible random samples for the statistical tests: Box-Muller normals from a seeded Random.</summary>
internal sealed class SeededSamples(int seed)
{
    private readonly Random _random = new(seed);
    private double? _spare;

    public double Normal()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        var u1 = 1.0 - _random.NextDouble(); // (0, 1]: the logarithm stays finite
        var u2 = _random.NextDouble();
        var radius = Math.Sqrt(-2 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    public double[] Normals(int count, double mean = 0, double sd = 1)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = mean + sd * Normal();
        }
        return values;
    }

    /// <summary>exp(N(mu, sigma²)) times scale: latency-like, median = scale · e^mu.</summary>
    public double[] LogNormals(int count, double mu, double sigma, double scale = 1)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = scale * Math.Exp(mu + sigma * Normal());
        }
        return values;
    }

    /// <summary>Binomial(trials, p) by counting uniforms: fine for the small trial counts of a simulation cycle.</summary>
    public long Binomial(int trials, double p)
    {
        long events = 0;
        for (var i = 0; i < trials; i++)
        {
            if (_random.NextDouble() < p)
            {
                events++;
            }
        }
        return events;
    }

    public int Integer(int maxExclusive) => _random.Next(maxExclusive);
}
