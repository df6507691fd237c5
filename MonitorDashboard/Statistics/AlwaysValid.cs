namespace MonitorDashboard.Statistics;

/// <summary>
/// Mixture sequential probability ratio test (Robbins 1970) for an asymptotically normal standardized statistic,
/// as in Johari, Pekelis and Walsh, "Always Valid Inference: Continuous Monitoring of A/B Tests" (Operations
/// Research, 2022). With a N(0, τ²) prior on the standardized effect θ and z ≈ θ √nEff + N(0, 1):
/// Λ = (1 + ρ)^(-1/2) exp(z² ρ / (2 (1 + ρ))), ρ = nEff τ². Λ is a nonnegative martingale under H0, so by Ville's
/// inequality P(Λ ever reaches 1/α) ≤ α: the test may be repeated at every look without inflating the error.
/// For two samples nEff = n1 n2 / (n1 + n2).
/// </summary>
public static class AlwaysValid
{
    /// <summary>
    /// The boundary in z is tightest where ρ ≈ 2 ln(1/α); at the Bonferroni-split alphas of a canary (about 0.005)
    /// that is ρ ≈ 10, which τ = 0.15 reaches at nEff ≈ 450, the middle of a canary's life (tens to about a thousand
    /// per side). τ = 0.15 is also the size of effect worth acting on: a 15 % of a standard deviation shift.
    /// </summary>
    public const double DefaultTau = 0.15;

    public static double LikelihoodRatio(double z, double effectiveN, double tau)
    {
        var rho = Rho(effectiveN, tau);
        return Math.Exp(LogLikelihoodRatio(z, rho));
    }

    /// <summary>The always-valid p-value for one look, min(1, 1/Λ); callers keep the running minimum over looks.</summary>
    public static double PValue(double z, double effectiveN, double tau)
    {
        var rho = Rho(effectiveN, tau);
        return Math.Min(1, Math.Exp(-LogLikelihoodRatio(z, rho)));
    }

    /// <summary>Λ ≥ 1/α, compared on the log scale so large z cannot overflow.</summary>
    public static bool Rejects(double z, double effectiveN, double tau, double alpha)
    {
        if (double.IsNaN(alpha) || alpha <= 0 || alpha > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie in (0, 1].");
        }
        return LogLikelihoodRatio(z, Rho(effectiveN, tau)) >= -Math.Log(alpha);
    }

    public static double EffectiveN(double n1, double n2) => n1 + n2 > 0 ? n1 * n2 / (n1 + n2) : 0;

    private static double LogLikelihoodRatio(double z, double rho) =>
        double.IsNaN(z) ? 0 : -0.5 * Math.Log(1 + rho) + z * z * rho / (2 * (1 + rho));

    private static double Rho(double effectiveN, double tau)
    {
        if (double.IsNaN(effectiveN) || effectiveN < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(effectiveN), effectiveN, "The effective sample size cannot be negative.");
        }
        if (double.IsNaN(tau) || tau <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "Tau must be positive.");
        }
        return effectiveN * tau * tau;
    }
}
