using System.Buffers;

namespace MonitorDashboard.Storage.Rollups;

/// <summary>
/// A mergeable quantile sketch with relative error guarantees (the DDSketch idea): each value falls into a
/// logarithmic bin whose width is 2 % of its magnitude, so any quantile is known within
/// <see cref="RelativeAccuracy"/> of the exact value, and two sketches merge by adding bin counts. That is what lets
/// 1-minute rollups add up to a correct p99 over a week. Memory grows with the spread of values
/// (about 115 bins per decade), not with their number.
/// </summary>
public sealed class QuantileSketch
{
    /// <summary>Bins kept per sign (see <see cref="DenseBins.MaxSpan"/>): a wider spread loses accuracy only in its lowest values.</summary>
    public const int MaxBinsPerSign = DenseBins.MaxSpan;

    /// <summary>Any quantile is within this share of the exact value (1 %).</summary>
    public const double RelativeAccuracy = 0.01;

    /// <summary>Values closer to zero than this count as zero (latencies, rates and shares are far above it).</summary>
    private const double MinMagnitude = 1e-9;

    private const byte FormatVersion = 1;
    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private readonly DenseBins _positive = new();
    private readonly DenseBins _negative = new();
    private long _zero;

    public long Count { get; private set; }

    public void Add(double value) => Add(value, 1);

    public void Add(double value, long count)
    {
        if (double.IsNaN(value) || count <= 0)
        {
            return;
        }
        Count += count;
        if (Math.Abs(value) < MinMagnitude)
        {
            _zero += count;
            return;
        }
        (value > 0 ? _positive : _negative).Add(IndexOf(Math.Abs(value)), count);
    }

    public void Clear()
    {
        _positive.Clear();
        _negative.Clear();
        _zero = 0;
        Count = 0;
    }

    public void Merge(QuantileSketch other)
    {
        _positive.AddAll(other._positive);
        _negative.AddAll(other._negative);
        _zero += other._zero;
        Count += other.Count;
    }

    /// <summary>
    /// The value of rank <c>floor(q * (count - 1))</c> within <see cref="RelativeAccuracy"/>; NaN when empty.
    /// The exact "type 7" percentile lies between that rank and the next, so it is matched within the same error.
    /// </summary>
    public double Quantile(double q)
    {
        Span<double> result = stackalloc double[1];
        Quantiles([q], result);
        return result[0];
    }

    /// <summary>Several quantiles (ascending) in one pass over the bins.</summary>
    public void Quantiles(ReadOnlySpan<double> ascending, Span<double> results)
    {
        if (Count == 0)
        {
            results.Fill(double.NaN);
            return;
        }
        var next = 0;
        long seen = 0;
        // Ascending order of values: the largest negative magnitudes first, then zero, then positives.
        for (var index = _negative.MaxIndex; index >= _negative.MinIndex; index--)
        {
            if (_negative.CountAt(index) is > 0 and var count)
            {
                seen += count;
                next = Resolve(ascending, results, next, seen, index, sign: -1);
            }
        }
        seen += _zero;
        next = Resolve(ascending, results, next, seen, 0, sign: 0);
        for (var index = _positive.MinIndex; index <= _positive.MaxIndex && next < ascending.Length; index++)
        {
            if (_positive.CountAt(index) is > 0 and var count)
            {
                seen += count;
                next = Resolve(ascending, results, next, seen, index, sign: 1);
            }
        }
    }

    /// <summary>
    /// Fills every pending quantile whose rank falls below <paramref name="seen"/> with the value of bin
    /// <paramref name="index"/> of the given sign (0: the zero bin); returns the first quantile still pending.
    /// The value is computed only when a quantile takes it: Math.Pow for every bin walked cost more than the walk.
    /// </summary>
    private int Resolve(ReadOnlySpan<double> ascending, Span<double> results, int next, long seen, int index, int sign)
    {
        while (next < ascending.Length && seen > (long)Math.Floor(ascending[next] * (Count - 1)))
        {
            results[next++] = sign == 0 ? 0 : sign * ValueOf(index);
        }
        return next;
    }

    /// <summary>Compact form for the database: version, zero count, then each side's bins as delta-coded varints.</summary>
    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(16 + (4 * (_positive.BinCount + _negative.BinCount)));
        buffer.Write([FormatVersion]);
        Varint.Write(buffer, (ulong)_zero);
        WriteBins(buffer, _positive);
        WriteBins(buffer, _negative);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Adds the bins stored by <see cref="ToBytes"/> to this sketch.</summary>
    public void MergeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes[0] != FormatVersion)
        {
            throw new InvalidDataException($"Unknown quantile sketch format {(bytes.Length == 0 ? "(empty)" : bytes[0])}.");
        }
        var position = 1;
        var zero = (long)Varint.Read(bytes, ref position);
        _zero += zero;
        Count += zero;
        Count += ReadBins(bytes, ref position, _positive);
        Count += ReadBins(bytes, ref position, _negative);
    }

    private static int IndexOf(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) / LogGamma);

    /// <summary>The point of bin (gamma^(i-1), gamma^i] whose relative distance to both ends is <see cref="RelativeAccuracy"/>.</summary>
    private static double ValueOf(int index) => 2 * Math.Pow(Gamma, index) / (Gamma + 1);

    private static void WriteBins(ArrayBufferWriter<byte> buffer, DenseBins bins)
    {
        Varint.Write(buffer, (ulong)bins.BinCount);
        var previous = 0;
        for (var index = bins.MinIndex; index <= bins.MaxIndex; index++)
        {
            if (bins.CountAt(index) is > 0 and var count)
            {
                Varint.Write(buffer, Varint.ZigZag(index - previous));
                Varint.Write(buffer, (ulong)count);
                previous = index;
            }
        }
    }

    private static long ReadBins(ReadOnlySpan<byte> bytes, ref int position, DenseBins bins)
    {
        var binCount = (int)Varint.Read(bytes, ref position);
        var index = 0;
        long total = 0;
        for (var i = 0; i < binCount; i++)
        {
            index += (int)Varint.UnZigZag(Varint.Read(bytes, ref position));
            var count = (long)Varint.Read(bytes, ref position);
            bins.Add(index, count);
            total += count;
        }
        return total;
    }
}
