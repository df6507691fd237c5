using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Ingestion.Otlp;

/// <summary>
/// The previous point of each cumulative stream, so cumulative sums and histograms can be stored as deltas. Memory is
/// bounded by two generations of at most half <see cref="OtlpOptions.MaxCumulativeStreams"/> each: when the recent one
/// fills it becomes the older one and the oldest are forgotten, so streams seen lately survive and a forgotten stream
/// only costs one baseline point. Kept in memory only: after a restart every stream starts again from a baseline.
/// A stream seen for the first time counts its whole total only if it began after the last moment anything was
/// forgotten, or after this process started (this object is made on the first export, which may come later): only
/// then can none of it have been stored before.
/// </summary>
public sealed class CumulativeStreams
{
    private readonly Lock _gate = new();
    private readonly int _generationSize;
    private readonly TimeProvider _time;
    private ulong _nothingForgottenSinceNs;
    private Dictionary<StreamKey, StreamSnapshot> _recent = [];
    private Dictionary<StreamKey, StreamSnapshot> _older = [];

    public CumulativeStreams(IOptions<OtlpOptions> options, TimeProvider time)
    {
        _generationSize = Math.Max(1, options.Value.MaxCumulativeStreams / 2);
        _time = time;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        _nothingForgottenSinceNs = (ulong)new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() * 1_000_000;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _recent.Count + _older.Count;
            }
        }
    }

    public StreamSnapshot? Find(StreamKey key)
    {
        lock (_gate)
        {
            return _recent.TryGetValue(key, out var snapshot) || _older.TryGetValue(key, out snapshot) ? snapshot : null;
        }
    }

    /// <summary>Remembers the points of a request once it is stored; a point older than the one remembered (a concurrent request) loses.</summary>
    public void Commit(IReadOnlyDictionary<StreamKey, StreamSnapshot> snapshots)
    {
        lock (_gate)
        {
            foreach (var (key, snapshot) in snapshots)
            {
                var known = _recent.TryGetValue(key, out var previous) || _older.TryGetValue(key, out previous);
                if (known && previous!.TimeNs >= snapshot.TimeNs)
                {
                    continue;
                }
                _older.Remove(key);
                _recent[key] = snapshot;
                if (_recent.Count >= _generationSize)
                {
                    _older = _recent;
                    _recent = [];
                    _nothingForgottenSinceNs = NowNs();
                }
            }
        }
    }

    /// <summary>Compares a cumulative point with the stream's previous one.</summary>
    /// <param name="wentDown">The value (or a bucket) is below the previous one: the counter restarted without a new start time.</param>
    /// <param name="intervalNs">The time the returned step covers; 0 when unknown.</param>
    public StreamStep Step(StreamSnapshot? previous, ulong startNs, ulong timeNs, bool wentDown, out ulong intervalNs)
    {
        intervalNs = 0;
        if (previous is null)
        {
            if (startNs == 0 || startNs < Volatile.Read(ref _nothingForgottenSinceNs) || startNs >= timeNs)
            {
                return StreamStep.Baseline;
            }
            intervalNs = timeNs - startNs;
            return StreamStep.Whole;
        }
        if (timeNs <= previous.TimeNs)
        {
            return StreamStep.Stale;
        }
        if ((startNs != 0 && startNs != previous.StartNs) || wentDown)
        {
            intervalNs = startNs != 0 && startNs < timeNs ? timeNs - startNs : timeNs - previous.TimeNs;
            return StreamStep.Whole;
        }
        intervalNs = timeNs - previous.TimeNs;
        return StreamStep.Delta;
    }

    private ulong NowNs() => (ulong)_time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
}
