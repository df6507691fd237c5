namespace MonitorDashboard.Review;

/// <summary>A prediction ready to store: payloads already redacted, the comparison made and the queue decided.</summary>
public sealed record PredictionEntry(Prediction Prediction, string Input, string ProductionOutput, string ShadowOutput, bool Agrees, bool InQueue);
