using MonitorDashboard.Ingestion;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Demo;

/// <summary>
/// A believable voice-search pipeline: voice-activity detection (<c>vad</c>) feeding speech recognition (<c>asr</c>),
/// production <c>v1</c> and candidate <c>v2</c>, with a daily rhythm and occasional incidents. Pure: it only
/// turns (time, randomness) into events, so it can be tested and used to back-fill history.
/// </summary>
public sealed class DemoPipelineSimulator(Random random, int peakRequestsPerSecond, double candidateShare)
{
    public const string Model = "voice-search";
    public static readonly string[] Stages = ["vad", "asr"];
    private const int MaxLatencySamplesPerTick = 40;

    private DemoIncident _incident = DemoIncident.None;
    private long _incidentEndsMs;

    public DemoIncident CurrentIncident => _incident;

    /// <summary>The candidate's share of <c>asr</c> traffic, set by the demo roll-out (null: the configured share; 0: no candidate traffic).</summary>
    public double? AsrCandidateShare { get; set; }

    /// <summary>Whether incidents start at random (off while the demo back-fills its scripted hour).</summary>
    public bool RandomIncidents { get; set; } = true;

    /// <summary>How much slower the <c>asr</c> candidate is than usual (a bad roll-out step makes it 1.8).</summary>
    public double CandidateLatencyFactor { get; set; } = 1;

    /// <summary>Starts <paramref name="incident"/> now, lasting until <paramref name="untilMs"/> (scripted history, so the Drift page always has one to show).</summary>
    public void ForceIncident(DemoIncident incident, long untilMs)
    {
        _incident = incident;
        _incidentEndsMs = untilMs;
    }

    /// <summary>Events for the second (or longer <paramref name="seconds"/> period) ending at <paramref name="nowMs"/>.</summary>
    public List<MetricEvent> Tick(long nowMs, int seconds = 1)
    {
        UpdateIncident(nowMs, seconds);
        var events = new List<MetricEvent>();
        var rhythm = DailyRhythm(nowMs);
        foreach (var version in new[] { "v1", "v2" })
        {
            foreach (var stage in Stages)
            {
                var candidate = stage == "asr" && AsrCandidateShare is { } asrShare ? asrShare : candidateShare;
                var share = version == "v1" ? 1 - candidate : candidate;
                if (share <= 0)
                {
                    continue; // rolled back: the candidate serves nothing
                }
                var qps = Math.Max(0.2, peakRequestsPerSecond * rhythm * share * (0.9 + (0.2 * random.NextDouble())));
                AddStage(events, nowMs, seconds, stage, version, qps);
            }
        }
        return events;
    }

    /// <summary>Traffic between 25 % (night) and 100 % (mid-afternoon UTC) of the peak.</summary>
    public static double DailyRhythm(long nowMs)
    {
        var hour = DateTimeOffset.FromUnixTimeMilliseconds(nowMs).UtcDateTime.TimeOfDay.TotalHours;
        return 0.625 + (0.375 * Math.Sin((hour - 9) / 24 * 2 * Math.PI));
    }

    private void AddStage(List<MetricEvent> events, long nowMs, int seconds, string stage, string version, double qps)
    {
        void Add(MetricKind kind, string name, double value, long? ts = null) =>
            events.Add(new MetricEvent
            {
                TimestampMs = ts ?? nowMs,
                Series = new SeriesKey { Model = Model, Version = version, Stage = stage, Kind = kind.ToWire(), Name = name },
                Value = Math.Round(value, 4),
            });

        var isAsr = stage == "asr";
        var candidate = version == "v2";
        var requests = (int)Math.Round(qps * seconds);

        // software: one latency point per request (sampled), and per-second gauges
        var medianLatency = isAsr ? (candidate ? 95 : 120) : 8;
        if (candidate && isAsr && _incident == DemoIncident.LatencySpike)
        {
            medianLatency *= 4;
        }
        var latencyFactor = candidate && isAsr ? CandidateLatencyFactor : 1;
        var samples = Math.Min(requests, MaxLatencySamplesPerTick);
        for (var i = 0; i < samples; i++)
        {
            var ts = nowMs - (long)(random.NextDouble() * seconds * 1000);
            Add(MetricKind.Software, "latency_ms", medianLatency * latencyFactor * LogNormal(0.35), ts);
            Add(MetricKind.Input, "input_length", InputLength(isAsr), ts);
        }
        Add(MetricKind.Software, "qps", qps);
        Add(MetricKind.Software, "memory_mb", (isAsr ? 2300 : 310) * (candidate ? 1.15 : 1) + (random.NextDouble() * 40));
        Add(MetricKind.Software, "server_load", Math.Min(1, (qps / 40) + (0.1 * random.NextDouble())));
        Add(MetricKind.Software, "error_rate", Rate(0.004));

        // input
        // the arrival rate itself, not whole requests per tick: per-second and per-15-second ticks then look alike
        Add(MetricKind.Input, "input_volume", qps);
        Add(MetricKind.Input, "missing_fraction", Rate(_incident == DemoIncident.MissingValueSurge && !isAsr ? 0.18 : 0.01));

        // output: what users did with the answer
        Add(MetricKind.Output, "null_return_rate", Rate(isAsr ? (_incident == DemoIncident.MissingValueSurge ? 0.09 : 0.03) : 0.12));
        Add(MetricKind.Output, "redo_search_rate", Rate(candidate ? 0.05 : 0.06));
        Add(MetricKind.Output, "mode_switch_rate", Rate(0.02));
        Add(MetricKind.Output, "ctr", Rate(candidate ? 0.44 : 0.41));
    }

    private double InputLength(bool isAsr)
    {
        var drift = _incident == DemoIncident.InputLengthDrift ? 1.6 : 1.0;
        // vad: seconds of audio per request; asr: seconds of detected speech
        return (isAsr ? 2.6 : 4.0) * drift * LogNormal(0.3);
    }

    private void UpdateIncident(long nowMs, int seconds)
    {
        if (_incident != DemoIncident.None && nowMs >= _incidentEndsMs)
        {
            _incident = DemoIncident.None;
        }
        // about one incident every 15 minutes, each lasting 1.5 to 4 minutes
        if (RandomIncidents && _incident == DemoIncident.None && random.NextDouble() < seconds / 900.0)
        {
            _incident = (DemoIncident)random.Next(1, 4);
            _incidentEndsMs = nowMs + random.Next(90, 240) * 1000L;
        }
    }

    /// <summary>A rate around <paramref name="mean"/> with some noise, clamped to [0, 1].</summary>
    private double Rate(double mean) => Math.Clamp(mean * (0.7 + (0.6 * random.NextDouble())), 0, 1);

    /// <summary>Multiplicative noise with median 1 (Box-Muller).</summary>
    private double LogNormal(double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Exp(sigma * normal);
    }
}
