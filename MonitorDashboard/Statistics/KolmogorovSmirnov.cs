namespace MonitorDashboard.Statistics;

/// <summary>
/// Two-sample Kolmogorov-Smirnov test. The p-value is the asymptotic Kolmogorov tail Q(λ) with Stephens' (1970)
/// small-sample correction λ = (√ne + 0.12 + 0.11/√ne) D, ne = nm/(n + m), as in Numerical Recipes (3rd ed.) §14.3.
/// <see cref="CriticalValue"/> inverts the same formula, so "D &gt; threshold" and "p &lt; alpha" are one decision.
/// </summary>
public static class KolmogorovSmirnov
{
    public static KsResult TwoSample(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Count == 0 || current.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }
        var d = Statistic(Quantiles.Sorted(reference), Quantiles.Sorted(current));
        return new KsResult(d, PValue(d, reference.Count, current.Count), reference.Count, current.Count);
    }

    public static double PValue(double d, int n, int m) => KolmogorovTail(d * StephensFactor(n, m));

    /// <summary>The D at which <see cref="PValue"/> equals alpha. Above 1 when no D can reach alpha at these sizes.</summary>
    public static double CriticalValue(double alpha, int n, int m)
    {
        if (double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha));
        }
        if (alpha >= 1)
        {
            return 0;
        }
        if (alpha <= 0)
        {
            return double.PositiveInfinity;
        }
        // Q is decreasing in λ; Q(0.2) = 1 to double precision and Q(12) is about 1e-125.
        double low = 0, high = 12;
        for (var i = 0; i < 200 && high - low > 1e-15; i++)
        {
            var mid = (low + high) / 2;
            if (KolmogorovTail(mid) > alpha)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        return high / StephensFactor(n, m);
    }

    /// <summary>Q_KS(λ) = 2 Σ_{j≥1} (-1)^(j-1) exp(-2 j² λ²) = P(K &gt; λ) for the Kolmogorov distribution.</summary>
    public static double KolmogorovTail(double lambda)
    {
        if (lambda <= 0)
        {
            return 1;
        }
        if (lambda < 1.18)
        {
            // The alternating series converges slowly for small λ; use the Jacobi-theta form of the CDF instead:
            // P(K ≤ λ) = √(2π)/λ Σ_{j≥1} exp(-(2j-1)² π² / (8λ²)).
            var y = Math.Exp(-Math.PI * Math.PI / (8 * lambda * lambda));
            double sum = 0;
            for (var j = 1; j <= 8; j++)
            {
                var e = (2 * j - 1) * (2 * j - 1);
                sum += Math.Pow(y, e);
            }
            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * sum, 0, 1);
        }
        double total = 0;
        for (var j = 1; j <= 100; j++)
        {
            var term = Math.Exp(-2.0 * j * j * lambda * lambda);
            total += j % 2 == 1 ? term : -term;
            if (term < 1e-17)
            {
                break;
            }
        }
        return Math.Clamp(2 * total, 0, 1);
    }

    private static double StephensFactor(int n, int m)
    {
        if (n <= 0 || m <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "Both sample sizes must be positive.");
        }
        var root = Math.Sqrt((double)n * m / (n + m));
        return root + 0.12 + 0.11 / root;
    }

    /// <summary>Largest ECDF gap, evaluated after each run of equal values so ties never open a false gap.</summary>
    private static double Statistic(double[] reference, double[] current)
    {
        int i = 0, j = 0;
        double d = 0;
        while (i < reference.Length && j < current.Length)
        {
            var x = Math.Min(reference[i], current[j]);
            while (i < reference.Length && reference[i] == x)
            {
                i++;
            }
            while (j < current.Length && current[j] == x)
            {
                j++;
            }
            d = Math.Max(d, Math.Abs((double)i / reference.Length - (double)j / current.Length));
        }
        return d;
    }
}
