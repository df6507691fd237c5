namespace MonitorDashboard.Storage.Blocks;

/// <summary>One step of pruning a series' blocks: how many were looked at, the points removed, and where the next step starts.</summary>
internal readonly record struct BlockPruneStep(int Examined, long PointsRemoved, long NextWindowMs, long NextId);
