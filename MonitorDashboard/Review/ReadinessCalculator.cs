namespace MonitorDashboard.Review;

/// <summary>
/// Automation readiness from shadow-mode evidence. Agreements count as correct (the audit sample of agreements in the
/// queue checks that assumption). Disagreements count by what reviewers said: the share of labelled disagreements the
/// shadow won is applied to all disagreements in the band, so an unlabelled backlog neither flatters nor hides the model.
/// With disagreements but no labels yet, accuracy is unknown.
/// The recommendation rests on the worst case instead, with unlabelled disagreements counted as wrong: the estimate
/// assumes the backlog resembles the labelled few, which a queue worked in confidence order need not do.
/// </summary>
public static class ReadinessCalculator
{
    /// <summary>Accuracy the lower 95% bound must reach for the shadow model to decide alone.</summary>
    public const double RequiredAccuracy = 0.98;
    public const int MinimumEvidence = 30;
    public static readonly IReadOnlyList<double> Thresholds = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99];

    public sealed record Case(double? Confidence, bool Agrees, string? Verdict);

    public static ReadinessReport Compute(IReadOnlyList<Case> cases)
    {
        var points = Thresholds.Select(t => Point(cases, t)).ToList();
        return Recommend(cases, points);
    }

    public static ReadinessPoint Point(IReadOnlyList<Case> cases, double threshold)
    {
        var covered = cases.Where(c => c.Confidence >= threshold).ToList();
        var share = cases.Count == 0 ? 0 : (double)covered.Count / cases.Count;
        var agreements = covered.Count(c => c.Agrees);
        var disagreements = covered.Count - agreements;
        var shadowWon = covered.Count(c => !c.Agrees && c.Verdict == "shadow");
        var labelled = shadowWon + covered.Count(c => !c.Agrees && c.Verdict is "production" or "both_wrong");
        if (covered.Count == 0)
        {
            return new ReadinessPoint(threshold, share, null, null, null, agreements);
        }
        // Every covered case is an agreement, a labelled or an unlabelled disagreement: the worst case's denominator is all of them.
        var worstCase = new ReadinessPoint(threshold, share, null, null, null, agreements)
        {
            Unlabelled = disagreements - labelled,
            WorstCase = (double)(agreements + shadowWon) / covered.Count,
            WorstCaseLower = Wilson(agreements + shadowWon, covered.Count).Lower,
        };
        if (disagreements > 0 && labelled == 0)
        {
            return worstCase;
        }
        var correct = agreements + (disagreements == 0 ? 0 : disagreements * (double)shadowWon / labelled);
        var (lower, upper) = Wilson(correct, covered.Count);
        return worstCase with { Accuracy = correct / covered.Count, Lower = lower, Upper = upper, Evidence = agreements + labelled };
    }

    /// <summary>The Wilson score interval at 95%: honest for small samples and near 0 or 1, unlike p ± 1.96·se.</summary>
    public static (double Lower, double Upper) Wilson(double successes, int trials)
    {
        const double Z95 = 1.959964;
        var p = (double)successes / trials;
        var denominator = 1 + (Z95 * Z95 / trials);
        var centre = (p + (Z95 * Z95 / (2 * trials))) / denominator;
        var margin = Z95 * Math.Sqrt((p * (1 - p) / trials) + (Z95 * Z95 / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - margin), Math.Min(1, centre + margin));
    }

    /// <summary>"97.5%", the same whatever the server's culture.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";

    private static ReadinessReport Recommend(IReadOnlyList<Case> cases, IReadOnlyList<ReadinessPoint> points)
    {
        if (cases.Count == 0)
        {
            return new ReadinessReport(points, AutomationDegree.HumanOnly, null, "No shadow predictions yet: run the model in shadow mode to collect evidence.");
        }
        var all = Point(cases, double.NegativeInfinity);
        var waiting = cases.Count(c => !c.Agrees && c.Verdict is null or "skip");
        if (all.Accuracy is null)
        {
            return new ReadinessReport(points, AutomationDegree.Shadow, null,
                $"{waiting} disagreements wait for labels and none is labelled yet: review them in the queue before readiness can be judged.");
        }
        if (all.Evidence < MinimumEvidence)
        {
            return new ReadinessReport(points, AutomationDegree.Shadow, null,
                $"Only {all.Evidence} judged cases so far; keep the model in shadow mode until at least {MinimumEvidence} are labelled or agreed.");
        }
        if (all.WorstCaseLower >= RequiredAccuracy)
        {
            return new ReadinessReport(points, AutomationDegree.FullAutomation, 0,
                $"On all traffic the shadow model is right in at least {Percent(all.WorstCase)} of {all.Evidence + all.Unlabelled} cases, unlabelled disagreements counted as wrong " +
                $"(95% lower bound {Percent(all.WorstCaseLower)}): it can decide alone.");
        }
        var best = points.Where(p => p.Evidence >= MinimumEvidence && p.WorstCaseLower >= RequiredAccuracy).OrderByDescending(p => p.TrafficShare).FirstOrDefault();
        if (best is not null)
        {
            return new ReadinessReport(points, AutomationDegree.PartialAutomation, best.Threshold,
                $"From confidence {best.Threshold:0.00} the shadow model is right in at least {Percent(best.WorstCase)} of {best.Evidence + best.Unlabelled} cases (95% lower bound {Percent(best.WorstCaseLower)}): " +
                $"let it decide alone for those {Percent(best.TrafficShare)} of traffic and keep people on the rest.");
        }
        var backlog = waiting > 0 ? $" {waiting} disagreements still wait for labels and count as wrong until labelled." : "";
        return all.WorstCase >= 0.8
            ? new ReadinessReport(points, AutomationDegree.AiAssistance, null,
                $"Right in {Percent(all.Accuracy)} of {all.Evidence} judged cases (at least {Percent(all.WorstCase)}), but no confidence level reaches a 95% lower bound of {Percent(RequiredAccuracy)}: " +
                $"show its answer to people as a suggestion.{backlog}")
            : new ReadinessReport(points, AutomationDegree.Shadow, null,
                $"Right in only {Percent(all.Accuracy)} of {all.Evidence} judged cases (at least {Percent(all.WorstCase)}): keep it in shadow mode and improve it.{backlog}");
    }
}
