using MonitorDashboard.Review;
using Case = MonitorDashboard.Review.ReadinessCalculator.Case;

namespace MonitorDashboard.Tests.Review;

public sealed class ReadinessCalculatorTests
{
    // 8 predictions worked out by hand:
    //  conf 0.95: 3 agree, 1 disagree labelled "shadow"      -> 4 correct, 0 wrong
    //  conf 0.70: 1 agree, 1 disagree labelled "production"  -> 1 correct, 1 wrong
    //  conf 0.40: 1 disagree, not labelled yet               -> no evidence
    //  conf 0.60: 1 disagree labelled "both_wrong"           -> 1 wrong
    private static readonly Case[] Example =
    [
        new(0.95, true, null), new(0.95, true, null), new(0.95, true, null), new(0.95, false, "shadow"),
        new(0.70, true, null), new(0.70, false, "production"),
        new(0.40, false, null),
        new(0.60, false, "both_wrong"),
    ];

    [Fact]
    public void Point_AtZeroPointNine_TakesHalfTheTrafficAllCorrect()
    {
        var point = ReadinessCalculator.Point(Example, 0.9);

        Assert.Equal(0.5, point.TrafficShare);           // 4 of 8
        Assert.Equal(1.0, point.Accuracy);               // 4 of 4
        Assert.Equal(4, point.Evidence);
        Assert.Equal(0.5101, point.Lower!.Value, 4);     // Wilson: (1 + z²/8 - z·sqrt(z²/64)) / (1 + z²/4)
        Assert.Equal(1.0, point.Upper!.Value, 4);
    }

    [Fact]
    public void Point_AtZeroPointFive_IncludesTheMiddleBand()
    {
        var point = ReadinessCalculator.Point(Example, 0.5);

        Assert.Equal(7 / 8.0, point.TrafficShare);       // all but the 0.40 case
        Assert.Equal(5 / 7.0, point.Accuracy!.Value, 9); // correct 4 + 1, wrong 1 + 1
        Assert.Equal(7, point.Evidence);
    }

    [Fact]
    public void Wilson_TenOfTwenty_MatchesTheTextbookInterval()
    {
        var (lower, upper) = ReadinessCalculator.Wilson(10, 20);

        Assert.Equal(0.2993, lower, 4);
        Assert.Equal(0.7007, upper, 4);
    }

    [Fact]
    public void Compute_FewCases_RecommendsStayingInShadowModeAndSaysWhy()
    {
        var report = ReadinessCalculator.Compute(Example);

        Assert.Equal(AutomationDegree.Shadow, report.Recommended);
        Assert.Contains("7 judged cases", report.Reason);
    }

    [Fact]
    public void Compute_ManyHighConfidenceAgreements_RecommendsPartialAutomationFromAThreshold()
    {
        var cases = Enumerable.Repeat(new Case(0.98, true, null), 400)
            .Concat(Enumerable.Repeat(new Case(0.6, false, "production"), 100))
            .Concat(Enumerable.Repeat(new Case(0.6, true, null), 100))
            .ToList();

        var report = ReadinessCalculator.Compute(cases);

        Assert.Equal(AutomationDegree.PartialAutomation, report.Recommended);
        Assert.Equal(0.7, report.RecommendedThreshold);
        Assert.Contains("66.7% of traffic", report.Reason); // 400 of 600
    }

    [Fact]
    public void Compute_NoPredictions_HumanOnly() =>
        Assert.Equal(AutomationDegree.HumanOnly, ReadinessCalculator.Compute([]).Recommended);

    [Fact]
    public void Point_UnlabelledDisagreements_TakeTheLabelledShareInsteadOfBeingIgnored()
    {
        // 10 agreements; 10 disagreements of which 2 labelled, 1 won by the shadow: 10 + 10 * 1/2 = 15 of 20
        var cases = Enumerable.Repeat(new Case(0.9, true, null), 10)
            .Append(new Case(0.9, false, "shadow")).Append(new Case(0.9, false, "production"))
            .Concat(Enumerable.Repeat(new Case(0.9, false, null), 8)).ToList();

        var point = ReadinessCalculator.Point(cases, 0.5);

        Assert.Equal(0.75, point.Accuracy!.Value, 9);
        Assert.Equal(12, point.Evidence);
    }

    [Fact]
    public void Compute_DisagreementsButNoLabels_AccuracyUnknownAndAsksForReviews()
    {
        var cases = Enumerable.Repeat(new Case(0.9, true, null), 100).Concat(Enumerable.Repeat(new Case(0.7, false, null), 5)).ToList();

        var report = ReadinessCalculator.Compute(cases);

        Assert.Equal(AutomationDegree.Shadow, report.Recommended);
        Assert.Contains("5 disagreements wait for labels", report.Reason);
        Assert.Null(report.Points[0].Accuracy);
    }

    [Fact]
    public void Point_UnlabelledDisagreement_WorstCaseCountsItAsWrong()
    {
        // Example at 0.4 covers all 8 cases:
        //  agreements 4 (three at 0.95, one at 0.70) + shadow won 1 (0.95)        = 5 correct
        //  labelled disagreements 3 (shadow, production, both_wrong) + 1 unlabelled (0.40)
        //  worst case: 5 / (4 agreements + 3 labelled + 1 unlabelled) = 5/8 = 0.625
        //  Wilson lower of 5/8, z = 1.959964, z² = 3.841459:
        //    centre = (0.625 + z²/16) / (1 + z²/8) = 0.865091 / 1.480182 = 0.584449
        //    margin = z·sqrt(0.625·0.375/8 + z²/256) / 1.480182 = 1.959964·0.210483 / 1.480182 = 0.278707
        //    lower  = 0.584449 - 0.278707 = 0.305742
        // The estimate (unlabelled takes the labelled share 1/3) is (4 + 4·1/3) / 8 = 0.6667, above the worst case.
        var point = ReadinessCalculator.Point(Example, 0.4);

        Assert.Equal(1, point.Unlabelled);
        Assert.Equal(0.625, point.WorstCase!.Value, 9);
        Assert.Equal(0.30574, point.WorstCaseLower!.Value, 4);
        Assert.Equal(2 / 3.0, point.Accuracy!.Value, 9);
    }

    [Fact]
    public void Compute_UnlabelledDisagreementsWaiting_RecommendationRestsOnTheWorstCase()
    {
        // 400 agreements and 10 disagreements won by the shadow: 410 of 410 labelled or agreed are right, the estimate is
        // 100% (lower 99.1%). But 20 more disagreements wait for labels: counted as wrong, 410/430 = 95.3%, lower 92.9%,
        // below the 98% needed to decide alone, so the model may only assist.
        var cases = Enumerable.Repeat(new Case(0.98, true, null), 400)
            .Concat(Enumerable.Repeat(new Case(0.98, false, "shadow"), 10))
            .Concat(Enumerable.Repeat(new Case(0.98, false, null), 20))
            .ToList();

        var report = ReadinessCalculator.Compute(cases);

        Assert.Equal(AutomationDegree.AiAssistance, report.Recommended);
        Assert.Contains("20 disagreements", report.Reason);
    }
}
