using MonitorDashboard.Ingestion;

namespace MonitorDashboard.Deployments;

/// <summary>The rules for a new deployment and for a step; names follow <see cref="MetricNames"/>, as in ingestion.</summary>
public static class DeploymentValidator
{
    public const int MaxNoteLength = 500;
    public const string TrafficRule = "must be a whole number from 0 to 100";

    /// <summary>Every problem of <paramref name="request"/>, keyed by its field; empty when it can be stored.</summary>
    public static Dictionary<string, string[]> Validate(DeploymentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Name(errors, "model", request.Model, required: true);
        Name(errors, "version", request.Version, required: true);
        Name(errors, "stage", request.Stage, required: false);
        Name(errors, "baselineVersion", request.BaselineVersion, required: false);
        if (!DeploymentWire.TryParseStrategy(request.Strategy, out _))
        {
            errors["strategy"] = [request.Strategy is null ? $"is required: {DeploymentWire.Strategies}" : $"must be {DeploymentWire.Strategies}"];
        }
        if (request.TrafficPercent is { } traffic && !IsTraffic(traffic))
        {
            errors["trafficPercent"] = [TrafficRule];
        }
        if (NoteProblem(request.Note) is { } note)
        {
            errors["note"] = [note];
        }
        return errors;
    }

    /// <summary>Canary starts small; shadow takes no user traffic; blue-green and full switch everything over.</summary>
    public static int DefaultTrafficPercent(DeploymentStrategy strategy) => strategy switch
    {
        DeploymentStrategy.Canary => 5,
        DeploymentStrategy.Shadow => 0,
        _ => 100,
    };

    public static bool IsTraffic(int percent) => percent is >= 0 and <= 100;

    public static string? NoteProblem(string? note) =>
        note is { Length: > MaxNoteLength } ? $"must be at most {MaxNoteLength} characters" : null;

    private static void Name(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors[field] = ["is required"];
            }
        }
        else if (!MetricNames.IsValid(value))
        {
            errors[field] = [MetricNames.Rule];
        }
    }
}
