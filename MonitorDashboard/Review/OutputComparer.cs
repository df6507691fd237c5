using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MonitorDashboard.Review;

/// <summary>Decides whether a shadow output agrees with production under a model's comparison settings.</summary>
public static class OutputComparer
{
    public static bool Agrees(JsonElement production, JsonElement shadow, ComparisonOptions options)
    {
        var (p, s) = (Select(production, options.FieldPath), Select(shadow, options.FieldPath));
        return options.Mode switch
        {
            ComparisonMode.Numeric => p is { ValueKind: JsonValueKind.Number } && s is { ValueKind: JsonValueKind.Number }
                && Math.Abs(p.Value.GetDouble() - s.Value.GetDouble()) <= options.Tolerance,
            ComparisonMode.Text => p is { ValueKind: JsonValueKind.String } && s is { ValueKind: JsonValueKind.String }
                && TextAgrees(p.Value.GetString()!, s.Value.GetString()!, options.MaxWordErrorRate),
            _ => p is null && s is null || p is { } a && s is { } b && Canonical(a) == Canonical(b),
        };
    }

    private static bool TextAgrees(string production, string shadow, double? maxWer)
    {
        var (reference, hypothesis) = (Words(production), Words(shadow));
        return maxWer is { } max ? WordErrorRate(reference, hypothesis) <= max : reference.SequenceEqual(hypothesis);
    }

    /// <summary>Word-level edit distance divided by the reference length (the usual WER of speech recognition).</summary>
    public static double WordErrorRate(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        if (reference.Count == 0)
        {
            return hypothesis.Count == 0 ? 0 : 1;
        }
        var previous = Enumerable.Range(0, hypothesis.Count + 1).ToArray();
        var current = new int[hypothesis.Count + 1];
        for (var i = 1; i <= reference.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= hypothesis.Count; j++)
            {
                var substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return (double)previous[hypothesis.Count] / reference.Count;
    }

    /// <summary>Lower case, punctuation removed, split on white space.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            cleaned.Append(char.IsPunctuation(c) || char.IsSymbol(c) ? ' ' : char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return cleaned.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>JSON with object keys sorted and no insignificant white space, so equal values print equal.</summary>
    public static string Canonical(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, element);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                // 1, 1.0 and 1e0 are the same number
                writer.WriteNumberValue(element.GetDouble());
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static JsonElement? Select(JsonElement root, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return root;
        }
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }
        return current;
    }
}
