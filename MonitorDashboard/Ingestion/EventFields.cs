using System.Text.Json;

namespace MonitorDashboard.Ingestion;

/// <summary>
/// The known fields of one event object, found in a single pass over its properties (instead of one linear
/// <c>TryGetProperty</c> scan per field), and the strings of the previous event, which most batches repeat: a value
/// equal to the previous one is taken without allocating or validating it again.
/// </summary>
internal sealed class EventFields
{
    public static readonly string[] Names = ["id", "ts", "model", "version", "stage", "kind", "name", "value", "tags"];
    private static readonly byte[][] Utf8Names = [.. Names.Select(System.Text.Encoding.UTF8.GetBytes)];
    private readonly JsonElement[] _values = new JsonElement[Names.Length];
    // The field index the previous event had at each position; -1 when unknown.
    private readonly int[] _order = [.. Enumerable.Repeat(-1, Names.Length)];
    private readonly string?[] _previous = new string?[Names.Length];
    private int _present;

    public static int IndexOf(string name) => name switch
    {
        "id" => 0,
        "ts" => 1,
        "model" => 2,
        "version" => 3,
        "stage" => 4,
        "kind" => 5,
        "name" => 6,
        "value" => 7,
        "tags" => 8,
        _ => -1,
    };

    /// <summary>Reads the properties of <paramref name="element"/>; unknown and repeated names go to <paramref name="fail"/>.</summary>
    public void Read(JsonElement element, Action<string, string> fail)
    {
        _present = 0;
        var position = 0;
        foreach (var property in element.EnumerateObject())
        {
            var index = IndexOf(property, position);
            if (index < 0)
            {
                fail(property.Name, $"is not a known field (known: {string.Join(", ", Names)})");
            }
            else if ((_present & (1 << index)) != 0)
            {
                fail(property.Name, "is given more than once");
            }
            else
            {
                _present |= 1 << index;
                _values[index] = property.Value;
            }
            position++;
        }
    }

    /// <summary>
    /// Matched on the UTF-8 bytes, because JsonProperty.Name allocates a string per property of every event. Events of
    /// a batch list their fields in the same order, so the name the previous event had at this position is tried first.
    /// </summary>
    private int IndexOf(JsonProperty property, int position)
    {
        if (position < _order.Length && _order[position] is var expected and >= 0 && property.NameEquals(Utf8Names[expected]))
        {
            return expected;
        }
        var index = Utf8Names.Length - 1;
        while (index >= 0 && !property.NameEquals(Utf8Names[index]))
        {
            index--;
        }
        if (position < _order.Length)
        {
            _order[position] = index;
        }
        return index;
    }

    public bool TryGet(string field, out JsonElement value)
    {
        var index = IndexOf(field);
        if ((_present & (1 << index)) == 0)
        {
            value = default;
            return false;
        }
        value = _values[index];
        return true;
    }

    /// <summary>The previous event's accepted string of this field when <paramref name="value"/> holds the same text, else null.</summary>
    public string? Repeated(string field, JsonElement value)
    {
        var previous = _previous[IndexOf(field)];
        return previous is not null && value.ValueKind == JsonValueKind.String && value.ValueEquals(previous) ? previous : null;
    }

    /// <summary>Remembers an accepted string for the next event.</summary>
    public void Accept(string field, string text) => _previous[IndexOf(field)] = text;
}
