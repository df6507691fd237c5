using MathNet.Numerics.Distributions;

namespace MonitorDashboard.Statistics;

/// <summary>The few standard normal functions the tests need, in one place.</summary>
internal static class StandardNormal
{
    public static double Cdf(double z) => Normal.CDF(0, 1, z);

    public static double Quantile(double p) => Normal.InvCDF(0, 1, p);

    public static double TwoSidedPValue(double z) => double.IsNaN(z) ? 1 : 2 * Normal.CDF(0, 1, -Math.Abs(z));

    /// <summary>z_{1-(1-confidence)/2}: 1.96 for 95 %.</summary>
    public static double TwoSidedCritical(double confidence)
    {
        if (double.IsNaN(confidence) || confidence <= 0 || confidence >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie in (0, 1).");
        }
        return Quantile(1 - (1 - confidence) / 2);
    }
}
