namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// From per-metric verdicts to one recommendation. Rollback only for a critical metric that is worse; Promote only
/// when every critical metric has data and none is worse (and no other metric is worse); Hold otherwise. Without
/// critical metrics, every metric gates promotion but none can force a rollback.
/// </summary>
internal static class CanaryRecommender
{
    public static (CanaryRecommendation Recommendation, string Reason) Recommend(
        IReadOnlyList<CanaryMetricResult> results, CanaryJudgeOptions options)
    {
        if (results.Count == 0)
        {
            return (CanaryRecommendation.Hold, "Hold: there are no metrics to judge.");
        }

        var criticalWorse = results.Where(r => r.Critical && r.Verdict == CanaryVerdict.Worse).ToArray();
        if (criticalWorse.Length > 0)
        {
            return (CanaryRecommendation.Rollback, "Roll back: " + string.Join("; ", criticalWorse.Select(r => $"{r.Name} worse: {r.Reason}")) + ".");
        }

        var gating = results.Any(r => r.Critical) ? results.Where(r => r.Critical).ToArray() : results.ToArray();
        var missing = gating.Where(r => r.Verdict == CanaryVerdict.NoData).ToArray();
        if (missing.Length == gating.Length)
        {
            var smallest = missing.MinBy(r => Math.Min(r.BaselineN, r.CandidateN))!;
            return (CanaryRecommendation.Hold,
                $"Hold: not enough data (n={smallest.BaselineN}/{smallest.CandidateN}) for {smallest.Name}; "
                + $"judging needs at least {options.MinSamplesPerSide} values or {options.MinTrialsPerSide} trials per side.");
        }

        var otherWorse = results.Where(r => !r.Critical && r.Verdict == CanaryVerdict.Worse).ToArray();
        if (otherWorse.Length > 0)
        {
            return (CanaryRecommendation.Hold,
                "Hold: " + string.Join("; ", otherWorse.Select(r => $"{r.Name} (not critical) worse: {r.Reason}"))
                + ". Promote by hand if that is acceptable.");
        }

        if (missing.Length > 0)
        {
            return (CanaryRecommendation.Hold,
                "Hold: " + string.Join("; ", missing.Select(r => $"{r.Name} has {r.Reason}"))
                + "; no metric with data is worse.");
        }

        return (CanaryRecommendation.Promote,
            $"Promote: no metric is worse ({string.Join(", ", results.Select(r => $"{r.Name} {r.Verdict.ToWire()}"))}).");
    }
}
