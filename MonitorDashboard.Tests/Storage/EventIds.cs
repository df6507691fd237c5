using System.Globalization;

namespace MonitorDashboard.Tests.Storage;

/// <summary>Event ids as clients make them: random UUIDv4, ULID-like (time then randomness, Crockford base 32), counters.</summary>
public static class EventIds
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Of(string shape, int index) => shape switch
    {
        "uuid" => Guid.NewGuid().ToString(),
        "ulid" => Ulid(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + index, new Random(index)),
        "counter" => index.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "uuid, ulid or counter"),
    };

    private static string Ulid(long milliseconds, Random random)
    {
        var chars = new char[26];
        for (var i = 9; i >= 0; i--, milliseconds >>= 5)
        {
            chars[i] = Crockford[(int)(milliseconds & 31)];
        }
        for (var i = 10; i < 26; i++)
        {
            chars[i] = Crockford[random.Next(32)];
        }
        return new string(chars);
    }
}
