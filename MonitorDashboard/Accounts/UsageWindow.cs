namespace MonitorDashboard.Accounts;

/// <summary>
/// Accepted and refused events per second over the last <see cref="Seconds"/> seconds, in a fixed ring:
/// memory stays constant however busy the key is.
/// </summary>
public sealed class UsageWindow
{
    public const int Seconds = 60;
    private readonly long[] _stamps = new long[Seconds];
    private readonly long[] _accepted = new long[Seconds];
    private readonly long[] _refused = new long[Seconds];
    private readonly Lock _lock = new();

    public long LastSecond { get; private set; }

    public void Add(long second, int accepted, int refused)
    {
        lock (_lock)
        {
            var slot = (int)(second % Seconds);
            if (_stamps[slot] != second)
            {
                (_stamps[slot], _accepted[slot], _refused[slot]) = (second, 0, 0);
            }
            _accepted[slot] += accepted;
            _refused[slot] += refused;
            LastSecond = Math.Max(LastSecond, second);
        }
    }

    /// <summary>Sums of the seconds in (<paramref name="now"/> - <paramref name="span"/>, <paramref name="now"/>].</summary>
    public (long Accepted, long Refused) Sum(long now, int span)
    {
        lock (_lock)
        {
            long accepted = 0, refused = 0;
            for (var slot = 0; slot < Seconds; slot++)
            {
                if (_stamps[slot] > now - span && _stamps[slot] <= now)
                {
                    accepted += _accepted[slot];
                    refused += _refused[slot];
                }
            }
            return (accepted, refused);
        }
    }
}
