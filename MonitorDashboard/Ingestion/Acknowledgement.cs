namespace MonitorDashboard.Ingestion;

/// <summary>One commit's requests, which of their events were new, and the flush they wait for before they are answered.</summary>
internal sealed record Acknowledgement(List<PendingWrite> Batch, bool[] Stored, int EventCount, double CommitMilliseconds, Task Durable);
