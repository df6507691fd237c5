namespace MonitorDashboard.Demo;

/// <summary>The trouble the demo pipeline gets into now and then, so alarms and drift have something to find.</summary>
public enum DemoIncident
{
    None,
    /// <summary>The candidate recognizer's latency quadruples.</summary>
    LatencySpike,
    /// <summary>The microphone front end drops features: many inputs arrive with missing values.</summary>
    MissingValueSurge,
    /// <summary>Users speak longer queries: the input-length distribution shifts.</summary>
    InputLengthDrift,
}
