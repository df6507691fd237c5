namespace MonitorDashboard.Ingestion;

/// <summary>Why one event of a batch was rejected. <paramref name="Index"/> is its position in the posted array.</summary>
public sealed record EventError(int Index, string Field, string Reason)
{
    /// <summary>Key in the problem+json <c>errors</c> map, e.g. <c>[3].value</c>.</summary>
    public string Path => Index < 0 ? Field : $"[{Index}].{Field}";
}
