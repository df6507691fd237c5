namespace MonitorDashboard.Storage.Postgres;

/// <summary>
/// An event id stored on PostgreSQL, as its 128-bit hash (<see cref="EventIds.EventIdHash"/>) in a uuid column: a
/// fixed 16-byte key every instance's commits claim (<see cref="PostgresEventIds"/>), cheaper to index and compare than
/// the id's text. Forgotten by <see cref="ReceivedMs"/> after Retention:EventIdsDays.
/// </summary>
public sealed class EventIdClaimRow
{
    public Guid Hash { get; set; }
    public long ReceivedMs { get; set; }
}
