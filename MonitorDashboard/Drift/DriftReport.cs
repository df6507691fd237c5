namespace MonitorDashboard.Drift;

/// <summary>
/// The answer of <c>GET /api/v1/drift</c> and the Drift page: the score (KS distance <see cref="Ks"/>), the threshold it is
/// compared with at these sample sizes, the decision, PSI for familiarity, and both distributions as histograms.
/// </summary>
public sealed record DriftReport(
    string Model,
    string? Stage,
    string? Version,
    string Name,
    DateTimeOffset From,
    DateTimeOffset To,
    string Reference,
    DateTimeOffset ReferenceFrom,
    DateTimeOffset ReferenceTo,
    double? Psi,
    double? Ks,
    double? PValue,
    double? Threshold,
    bool Drifted,
    int N,
    int ReferenceN,
    double? Score,
    double Alpha,
    string Method,
    string? Reason,
    HistogramData? Histogram);
