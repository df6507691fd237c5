namespace MonitorDashboard.Alarms;

/// <summary>The spellings of the alarm enums in the API and the UI.</summary>
public static class AlarmWire
{
    public static string Symbol(this AlarmComparator comparator) => comparator switch
    {
        AlarmComparator.GreaterThan => ">",
        AlarmComparator.GreaterOrEqual => ">=",
        AlarmComparator.LessThan => "<",
        _ => "<=",
    };

    public static bool TryParseComparator(string? text, out AlarmComparator comparator)
    {
        comparator = text switch
        {
            ">" => AlarmComparator.GreaterThan,
            ">=" => AlarmComparator.GreaterOrEqual,
            "<" => AlarmComparator.LessThan,
            "<=" => AlarmComparator.LessOrEqual,
            _ => (AlarmComparator)(-1),
        };
        return Enum.IsDefined(comparator);
    }

    public static string ToWire<T>(this T value) where T : struct, Enum => value switch
    {
        NoDataPolicy.KeepLast => "keep_last",
        _ => value.ToString().ToLowerInvariant(),
    };

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var normalized = text?.Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse(normalized, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
    }
}
