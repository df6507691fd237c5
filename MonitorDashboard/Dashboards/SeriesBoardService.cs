using MonitorDashboard.Storage;

namespace MonitorDashboard.Dashboards;

/// <summary>The series list page: the latest point of every stored series.</summary>
public sealed class SeriesBoardService(SeriesQueryService queries)
{
    public Task<IReadOnlyList<LatestPoint>> LatestAsync(CancellationToken cancellationToken = default) =>
        queries.GetLatestAsync(SeriesSelector.All, cancellationToken);
}
