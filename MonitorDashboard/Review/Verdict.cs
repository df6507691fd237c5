namespace MonitorDashboard.Review;

/// <summary>A reviewer's judgement of one disagreement.</summary>
public enum Verdict
{
    ProductionCorrect,
    ShadowCorrect,
    BothWrong,
    Skip,
}

public static class Verdicts
{
    public static string ToWire(this Verdict verdict) => verdict switch
    {
        Verdict.ProductionCorrect => "production",
        Verdict.ShadowCorrect => "shadow",
        Verdict.BothWrong => "both_wrong",
        _ => "skip",
    };

    public static bool TryParse(string? text, out Verdict verdict)
    {
        (var ok, verdict) = text switch
        {
            "production" => (true, Verdict.ProductionCorrect),
            "shadow" => (true, Verdict.ShadowCorrect),
            "both_wrong" => (true, Verdict.BothWrong),
            "skip" => (true, Verdict.Skip),
            _ => (false, Verdict.Skip),
        };
        return ok;
    }
}
