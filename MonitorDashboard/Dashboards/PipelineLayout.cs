using MonitorDashboard.Storage;

namespace MonitorDashboard.Dashboards;

/// <summary>
/// Models, their pipeline stages and versions as known from the stored series. Stages appear in the order they
/// were first seen, which for a pipeline reporting stage by stage is the order data flows (e.g. vad -> asr).
/// </summary>
public static class PipelineLayout
{
    public static IReadOnlyList<string> Models(IEnumerable<SeriesInfo> series) =>
        series.Select(s => s.Model).Distinct().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Stages(IEnumerable<SeriesInfo> series, string model) =>
        series.Where(s => s.Model == model).GroupBy(s => s.Stage).OrderBy(g => g.Min(s => s.Id)).Select(g => g.Key).ToList();

    /// <summary>Versions in first-seen order: the production version usually reports first, candidates later.</summary>
    public static IReadOnlyList<string> Versions(IEnumerable<SeriesInfo> series, string model, string? stage) =>
        series.Where(s => s.Model == model && (stage is null || s.Stage == stage))
            .GroupBy(s => s.Version).OrderBy(g => g.Min(s => s.Id)).Select(g => g.Key).ToList();
}
