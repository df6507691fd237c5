namespace MonitorDashboard.Configuration;

/// <summary>
/// SQLite's <c>synchronous</c> levels we allow (<c>Storage:Synchronous</c>; OFF would lose acknowledged data).
/// A fixed set, so the pragma is built from an enum name, never from configuration text.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>Survives a crash of the process, not of the machine (faster).</summary>
    Normal = 1,

    /// <summary>Every acknowledged commit survives power loss.</summary>
    Full = 2,

    /// <summary>FULL, and the directory entry too after a delete of the journal.</summary>
    Extra = 3,
}
