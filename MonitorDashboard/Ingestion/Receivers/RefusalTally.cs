using System.Globalization;

namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>
/// What a receiver could not store of one request, in words for the sender: how many points were refused and the
/// first few distinct reasons with their counts, and how many attributes or labels could not become tags.
/// </summary>
public sealed class RefusalTally
{
    private const int MaxReasons = 5;
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public int RefusedPoints { get; private set; }

    public int DroppedTags { get; private set; }

    public void Refuse(int points, string reason)
    {
        if (points <= 0)
        {
            return;
        }
        RefusedPoints += points;
        if (_reasons.Count < MaxReasons || _reasons.ContainsKey(reason))
        {
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + points;
        }
    }

    public void DropTags(int count) => DroppedTags += count;

    /// <summary>Null when everything was stored as sent.</summary>
    public string? Message(string pointsWord)
    {
        var parts = new List<string>();
        if (RefusedPoints > 0)
        {
            var reasons = string.Join("; ", _reasons.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} ({r.Value})")));
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{RefusedPoints} {pointsWord} refused: {reasons}"));
        }
        if (DroppedTags > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{DroppedTags} attribute(s) or label(s) not stored as tags (at most {EventBatchParser.MaxTags} tags per series, keys and values of at most {EventBatchParser.MaxNameLength} characters, scalar values only)"));
        }
        return parts.Count == 0 ? null : string.Join(". ", parts);
    }
}
