namespace MonitorDashboard.Ingestion;

/// <summary>
/// The errors of one batch, and one <see cref="Fail"/> callback that names the event being parsed: a single delegate
/// for the whole batch instead of a closure per event (the parser runs for every event ingested).
/// </summary>
internal sealed class EventErrorList
{
    public EventErrorList() => Fail = (field, reason) => Items.Add(new EventError(Index, field, reason));

    public List<EventError> Items { get; } = [];

    /// <summary>Position of the event being parsed in the posted array; -1 for the body as a whole.</summary>
    public int Index { get; set; } = -1;

    public Action<string, string> Fail { get; }

    public int Count => Items.Count;
}
