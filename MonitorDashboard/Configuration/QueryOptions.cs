using System.ComponentModel.DataAnnotations;

namespace MonitorDashboard.Configuration;

/// <summary>Bounds on what one query may read (section <c>Query</c>), so no answer grows without bound.</summary>
public sealed class QueryOptions : ISectionOptions
{
    public static string Section => "Query";

    /// <summary>
    /// A points query matching more series than this answers 400, naming the filters that would narrow it: a tag that
    /// carries user ids must not turn one chart request into a response of many megabytes.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSeriesPerQuery { get; set; } = 500;
}
