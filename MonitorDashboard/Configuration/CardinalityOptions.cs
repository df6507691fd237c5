using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>
/// Limits on how many series clients may create (section <c>Cardinality</c>), so one client that puts a user id into a
/// tag cannot take the dashboard down. Defaults a healthy team never meets; points of existing series always flow.
/// </summary>
public sealed class CardinalityOptions : ISectionOptions
{
    public static string Section => "Cardinality";

    [Range(1, 100_000_000)]
    public int MaxSeriesPerModel { get; set; } = 10_000;

    [Range(1, 100_000_000)]
    public int MaxSeries { get; set; } = 1_000_000;

    /// <summary>Distinct values one tag key may take within a model: the first limit a user-id tag meets.</summary>
    [Range(1, 100_000_000)]
    public int MaxTagValuesPerKey { get; set; } = 1_000;

    /// <summary>
    /// Refused events an API key may send within <see cref="BackoffWindowSeconds"/> before its requests are answered 429
    /// until the window ends (see RefusalBackoff); 0 never backs off.
    /// </summary>
    [Range(0, 100_000_000)]
    public int RefusedEventsBeforeBackoff { get; set; } = 50_000;

    [Range(1, 3_600)]
    public int BackoffWindowSeconds { get; set; } = 10;
}
