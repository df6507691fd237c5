namespace MonitorDashboard.Review;

/// <summary>Progress figures of the queue, always visible while labelling.</summary>
public sealed record ReviewStats(int Waiting, int InProgress, int LabelledToday, int LabelledTodayByMe, int LabelledTotal);
