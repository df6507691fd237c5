namespace MonitorDashboard.Ingestion;

/// <summary>The three families of metrics a team watches per model, version and stage.</summary>
public enum MetricKind
{
    Software,
    Input,
    Output,
}
