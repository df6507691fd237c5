using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Review.Privacy;

/// <summary>
/// Masks user data in a prediction payload before it is stored, so the raw value never reaches the database (nor its
/// WAL): whole values at configured dot paths, and matches of e-mail, phone or custom patterns inside any text value.
/// The user-id path is left as sent, because erasure finds a user's predictions by it.
/// </summary>
public static partial class PayloadRedactor
{
    public const string Mask = "[redacted]";
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Email();

    // A leading + or digit, then at least 7 more digits with the usual separators: long enough to skip durations and counts.
    [GeneratedRegex(@"\+?\d(?:[\s().-]*\d){7,14}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Phone();

    /// <summary>The payload as JSON text with every configured path and pattern masked; unchanged text when no rule applies.</summary>
    public static string Redact(JsonElement payload, PayloadPrivacyOptions rules)
    {
        if (rules.RedactPaths.Length == 0 && rules.RedactPatterns.Length == 0)
        {
            return payload.GetRawText();
        }
        var root = JsonNode.Parse(payload.GetRawText());
        if (root is null)
        {
            return payload.GetRawText();
        }
        var patterns = rules.RedactPatterns.Select(PatternFor).ToArray();
        var userId = rules.UserIdPath is { } path ? Find(root, path) : null;
        foreach (var maskedPath in rules.RedactPaths)
        {
            if (Find(root, maskedPath) is { } node && node != userId)
            {
                node.ReplaceWith(JsonValue.Create(Mask));
            }
        }
        if (patterns.Length > 0)
        {
            root = MaskText(root, patterns, userId);
        }
        return root.ToJsonString();
    }

    /// <summary>The regular expression a configured pattern name stands for; throws <see cref="ArgumentException"/> on a bad expression.</summary>
    public static Regex PatternFor(string pattern) => pattern.ToLowerInvariant() switch
    {
        "email" => Email(),
        "phone" => Phone(),
        _ => new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout),
    };

    /// <summary>The node at a dot path (<c>user.email</c>, array items by index: <c>turns.0.text</c>), or null.</summary>
    public static JsonNode? Find(JsonNode root, string dotPath)
    {
        JsonNode? node = root;
        foreach (var part in dotPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    /// <summary>Masks pattern matches in every string value under <paramref name="node"/>, in place, except <paramref name="keep"/>.</summary>
    private static JsonNode MaskText(JsonNode node, Regex[] patterns, JsonNode? keep)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is { } child && MaskText(child, patterns, keep) is var masked && masked != child)
                    {
                        o[key] = masked;
                    }
                }
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item && MaskText(item, patterns, keep) is var masked && masked != item)
                    {
                        a[i] = masked;
                    }
                }
                return a;
            case JsonValue v when v != keep && v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                var maskedText = patterns.Aggregate(text, (current, pattern) => pattern.Replace(current, Mask));
                return maskedText == text ? v : JsonValue.Create(maskedText);
            default:
                return node;
        }
    }
}
