using MonitorDashboard.Statistics;

namespace MonitorDashboard.Drift;

/// <summary>
/// Drift of a metric's distribution against a reference window: the two-sample Kolmogorov-Smirnov test at alpha,
/// which holds its false-alarm rate at every sample size. A fixed PSI cut-off (0.1, 0.25) does not: with no change at
/// all PSI still averages about (bins - 1)(1/n + 1/m), so at n = 100 it crosses 0.1 most of the time, and at
/// n = 100,000 it misses real shifts that KS finds. PSI is reported because people know the number.
/// </summary>
public static class DriftTest
{
    /// <summary>1 %: drift is checked for many series, often; a rarer false alarm keeps the page trustworthy.</summary>
    public const double DefaultAlpha = 0.01;

    public static DriftResult? Compare(
        IReadOnlyList<double> reference, IReadOnlyList<double> current, double alpha = DefaultAlpha, int minSamples = 20)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (double.IsNaN(alpha) || alpha <= 0 || alpha >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie in (0, 1).");
        }
        if (reference.Count < Math.Max(1, minSamples) || current.Count < Math.Max(1, minSamples))
        {
            return null;
        }

        var ks = KolmogorovSmirnov.TwoSample(reference, current);
        var threshold = KolmogorovSmirnov.CriticalValue(alpha, reference.Count, current.Count);
        var psi = PopulationStability.Index(reference, current);
        return new DriftResult(psi, ks.D, ks.PValue, threshold, ks.PValue < alpha, current.Count, reference.Count,
            ks.D / threshold);
    }
}
