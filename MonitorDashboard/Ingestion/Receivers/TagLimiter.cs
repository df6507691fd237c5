using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion.Receivers;

/// <summary>
/// Turns a sender's attributes or labels into our canonical tags under the JSON API's limits
/// (<see cref="EventBatchParser.MaxTags"/> tags, keys and values of at most <see cref="EventBatchParser.MaxNameLength"/>
/// characters). Unlike the JSON API it never fails: foreign senders cannot be told to change their instrumentation,
/// so what does not fit is dropped and counted. Keys are kept in ordinal order, so the same attributes always keep the
/// same tags and name the same series.
/// </summary>
public static class TagLimiter
{
    /// <param name="pairs">Key and text value; a null value (a list, a map, bytes) cannot be a tag and is dropped.</param>
    /// <returns>The canonical tag JSON and how many attributes were dropped.</returns>
    public static (string Tags, int Dropped) Limit(IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var dropped = 0;
        foreach (var (key, value) in pairs)
        {
            if (value is null || key.Length is 0 or > EventBatchParser.MaxNameLength || value.Length > EventBatchParser.MaxNameLength
                || !kept.TryAdd(key, value))
            {
                dropped++;
            }
        }
        if (kept.Count > EventBatchParser.MaxTags)
        {
            dropped += kept.Count - EventBatchParser.MaxTags;
        }
        return (TagJson.Serialize(kept.Take(EventBatchParser.MaxTags).ToList()), dropped);
    }
}
