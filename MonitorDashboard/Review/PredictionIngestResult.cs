namespace MonitorDashboard.Review;

public sealed record PredictionIngestResult(int Accepted, int Duplicates, int Disagreements);
