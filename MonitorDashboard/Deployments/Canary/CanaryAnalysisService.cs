using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Statistics;
using MonitorDashboard.Storage.Deployments;

namespace MonitorDashboard.Deployments.Canary;

/// <summary>
/// Candidate against baseline for one deployment: reads both versions over the same window (by default from the last
/// traffic step to now), judges every metric (<see cref="CanaryJudge"/>) and words a recommendation. It only recommends:
/// nothing is rolled back unless an alarm rule on <c>canary_verdict</c> says so.
/// </summary>
public sealed class CanaryAnalysisService(
    CanaryInputReader inputs,
    DeploymentStore deployments,
    MetricDirectionStore directions,
    IOptions<CanaryOptions> options,
    TimeProvider time)
{
    public const string Method =
        "Values: Mann-Whitney rank test with a non-inferiority margin, Hodges-Lehmann shift and interval, and a tail check " +
        "(exceedances over the pooled p95 and p99). Rates: two proportions (counts over requests, Newcombe interval). " +
        "Every test is an always-valid mixture SPRT (Johari et al. 2022), Bonferroni over all tests, so looking every cycle keeps the false-rollback rate at alpha.";

    public async Task<CanaryReport> AnalyzeAsync(Deployment deployment, IReadOnlyList<string>? extraMetrics, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var from = deployment.WindowStart;
        var to = deployment.EndedAt ?? now;
        var baselineVersion = deployment.BaselineVersion ?? await deployments.ProductionVersionAsync(deployment.Model, deployment.Stage, cancellationToken);
        if (baselineVersion is null || baselineVersion == deployment.Version)
        {
            return new CanaryReport(deployment.Id, CanaryRecommendation.Hold.ToWire(),
                "No baseline to compare with: give the deployment a baselineVersion, or promote a version to production first.",
                deployment.Model, deployment.Stage, deployment.Version, baselineVersion, from, to, now, Method, []);
        }

        var specs = await SpecsAsync(extraMetrics, cancellationToken);
        var sides = await inputs.ReadAsync(specs, deployment.Model, deployment.Stage, baselineVersion, deployment.Version,
            from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), settings.MaxValuesPerSide, cancellationToken);
        var judged = specs.Zip(sides, (spec, side) =>
        {
            var (baseline, candidate) = side;
            var input = spec.Shape == MetricShape.Rate
                ? new CanaryMetricInput(spec.Name, spec.Direction, spec.Critical, spec.AllowedRelativeChange,
                    Baseline: baseline.Counts ?? new ProportionCounts(0, 0), Candidate: candidate.Counts ?? new ProportionCounts(0, 0))
                : new CanaryMetricInput(spec.Name, spec.Direction, spec.Critical, spec.AllowedRelativeChange, baseline.Values, candidate.Values);
            return (Input: input, BaselinePercentiles: Percentiles(spec, baseline.Values), CandidatePercentiles: Percentiles(spec, candidate.Values));
        }).ToList();

        var analysis = CanaryJudge.Judge(judged.Select(j => j.Input).ToList(),
            new CanaryJudgeOptions(Alpha: settings.Alpha, MinSamplesPerSide: settings.MinSamplesPerSide));
        var metrics = analysis.Metrics.Select((m, i) => ToReport(m, judged[i].Input, judged[i].BaselinePercentiles, judged[i].CandidatePercentiles)).ToList();
        return new CanaryReport(deployment.Id, analysis.Recommendation.ToWire(), analysis.Reason, deployment.Model, deployment.Stage,
            deployment.Version, baselineVersion, from, to, now, Method, metrics);
    }

    private async Task<IReadOnlyList<CanaryMetricSpec>> SpecsAsync(IReadOnlyList<string>? extraMetrics, CancellationToken cancellationToken)
    {
        var set = await directions.ListAsync(cancellationToken);
        MetricDirection DirectionOf(string name, MetricDirection fallback) =>
            set.TryGetValue(name, out var wire) && MetricDirectionWire.TryParse(wire, out var direction) ? direction : fallback;

        var specs = CanaryMetricSpec.Defaults.Select(d => d with { Direction = DirectionOf(d.Name, d.Direction) }).ToList();
        foreach (var name in (extraMetrics ?? []).Where(n => specs.All(s => s.Name != n)).Distinct())
        {
            specs.Add(CanaryMetricSpec.ForExtra(name, DirectionOf(name, MetricDirection.TwoSided)));
        }
        return specs;
    }

    private static double[]? Percentiles(CanaryMetricSpec spec, IReadOnlyList<double> values)
    {
        if (spec.Shape == MetricShape.Rate || values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        return [Quantiles.Of(sorted, 0.50), Quantiles.Of(sorted, 0.95), Quantiles.Of(sorted, 0.99)];
    }

    private static CanaryMetricReport ToReport(CanaryMetricResult result, CanaryMetricInput input, double[]? baselinePercentiles, double[]? candidatePercentiles)
    {
        var noData = result.Verdict == CanaryVerdict.NoData;
        return new CanaryMetricReport(result.Name, result.Verdict.ToWire(), result.BaselineN, result.CandidateN,
            noData ? null : Finite(result.Effect),
            noData || result.Interval is not { Length: 2 } || result.Interval.Any(v => !double.IsFinite(v)) ? null : result.Interval,
            Finite(result.RelativeChange), input.Direction.ToWire(), result.Critical, input.AllowedRelativeChange,
            Finite(result.BaselineValue), Finite(result.CandidateValue), baselinePercentiles, candidatePercentiles, result.Reason);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
