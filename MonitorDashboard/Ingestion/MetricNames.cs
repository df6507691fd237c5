using System.Text.RegularExpressions;

namespace MonitorDashboard.Ingestion;

/// <summary>The one rule for model, version, stage and metric names, shared by events, predictions and alarm rules.</summary>
public static partial class MetricNames
{
    public const int MaxLength = 64;
    public const string Rule = "must be 1 to 64 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'";

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);
}
