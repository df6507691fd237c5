using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Drift;

/// <summary>
/// Compares the distribution of a metric in a window with a reference window. The decision is a two-sample
/// Kolmogorov-Smirnov test at <c>Drift:Alpha</c>, so its false-alarm rate holds at every sample size; PSI is shown
/// beside it because teams know it, but a fixed PSI cut-off is not used to decide (it over-fires on small windows and
/// under-fires on large ones).
/// </summary>
public sealed class DriftService(SeriesQueryService queries, IOptions<DriftOptions> options)
{
    public const string Method = "Two-sample Kolmogorov-Smirnov test (asymptotic distribution with Stephens' correction)";

    public async Task<DriftReport> CompareAsync(DriftQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (referenceFrom, referenceTo) = query.ReferenceWindow(TimeSpan.FromMinutes(settings.ReferenceMinutes));
        var current = await queries.GetValuesAsync(query.Series, query.From.ToUnixTimeMilliseconds(), query.To.ToUnixTimeMilliseconds(),
            settings.MaxValuesPerWindow, cancellationToken);
        var reference = await queries.GetValuesAsync(query.Series, referenceFrom.ToUnixTimeMilliseconds(), referenceTo.ToUnixTimeMilliseconds(),
            settings.MaxValuesPerWindow, cancellationToken);
        var result = DriftTest.Compare(reference.Values, current.Values, settings.Alpha, settings.MinSamples);
        var sampled = current.Total > current.Values.Count || reference.Total > reference.Values.Count
            ? $"; {settings.MaxValuesPerWindow:N0} evenly spaced values per window tested" : "";
        return new DriftReport(
            query.Series.Model ?? "", query.Series.Stage, query.Series.Version, query.Series.Name ?? "",
            query.From, query.To, query.Reference.ToWire(), referenceFrom, referenceTo,
            result?.Psi, result?.Ks, result?.PValue, result?.Threshold, result?.Drifted ?? false,
            current.Values.Count, reference.Values.Count, result?.Score, settings.Alpha, Method + sampled,
            result is null ? $"Not enough data: {current.Values.Count} values in the window and {reference.Values.Count} in the reference (at least {settings.MinSamples} each)." : null,
            current.Values.Count > 0 && reference.Values.Count > 0 ? Histogram.Build(reference.Values, current.Values) : null);
    }
}
