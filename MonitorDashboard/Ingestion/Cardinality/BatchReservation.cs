namespace MonitorDashboard.Ingestion.Cardinality;

/// <summary>The series and tag values one batch would add, counted before any of them is admitted.</summary>
internal sealed class BatchReservation
{
    private readonly Dictionary<string, int> _newPerModel = [];

    public HashSet<ulong> Series { get; } = [];

    public List<(string Model, ulong Hash)> NewSeries { get; } = [];

    public Dictionary<(string Model, string Key), HashSet<ulong>> TagValues { get; } = [];

    public int NewIn(string model) => _newPerModel.GetValueOrDefault(model);

    public int NewTagValues(string model, string key) => TagValues.TryGetValue((model, key), out var values) ? values.Count : 0;

    public bool HasTagValue(string model, string key, ulong valueHash) => TagValues.TryGetValue((model, key), out var values) && values.Contains(valueHash);

    public void Add(Storage.SeriesKey series, ulong hash, IReadOnlyDictionary<string, string> tags)
    {
        Series.Add(hash);
        NewSeries.Add((series.Model, hash));
        _newPerModel[series.Model] = NewIn(series.Model) + 1;
        foreach (var (key, value) in tags)
        {
            if (!TagValues.TryGetValue((series.Model, key), out var values))
            {
                values = [];
                TagValues[(series.Model, key)] = values;
            }
            values.Add(CardinalityGuard.Hash(value));
        }
    }
}
