namespace MonitorDashboard.Ingestion;

/// <summary>The events could not be made durable now (queue full, shutting down, storage failing); the client may retry.</summary>
public sealed class IngestionRejectedException(string message, Exception? inner = null) : Exception(message, inner);
