using System.Text.Json;

namespace MonitorDashboard.Review;

/// <summary>Word-level differences between two outputs, for highlighting on the labeling page.</summary>
public static class OutputDiff
{
    /// <summary>The text of an output for display: a string as is, an object's "text"/"transcript"/"label" field, else its JSON.</summary>
    public static string DisplayText(string json)
    {
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            if (root.ValueKind == JsonValueKind.String) return root.GetString()!;
            foreach (var field in new[] { "text", "transcript", "label" })
            {
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString()!;
                }
            }
            return JsonSerializer.Serialize(root, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>Each word of <paramref name="text"/> with whether it is missing from <paramref name="other"/> (by a longest-common-subsequence alignment).</summary>
    public static IReadOnlyList<(string Word, bool Differs)> Mark(string text, string other)
    {
        var a = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = other.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var marked = new List<(string, bool)>(a.Length);
        int x = 0, y = 0;
        while (x < a.Length)
        {
            if (y < b.Length && a[x] == b[y]) { marked.Add((a[x], false)); x++; y++; }
            else if (y < b.Length && lcs[x, y + 1] >= lcs[x + 1, y]) { y++; }
            else { marked.Add((a[x], true)); x++; }
        }
        return marked;
    }
}
