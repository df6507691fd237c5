namespace MonitorDashboard.Wire;

/// <summary>Reads an enum back from the lower-case name the API, the store and the URLs spell it with.</summary>
public static class WireNames
{
    public static bool TryParse<T>(string? text, Func<T, string> toWire, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(toWire(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
