namespace MonitorDashboard.Tests.Support;

/// <summary>The system clock, remembering whether it was read off the renderer while <see cref="Watching"/> is set.</summary>
public sealed class RendererCheckingTime(Func<bool> onRenderer) : TimeProvider
{
    private int _offRendererReads;

    public bool Watching { get; set; }

    public int OffRendererReads => Volatile.Read(ref _offRendererReads);

    public override DateTimeOffset GetUtcNow()
    {
        if (Watching && !onRenderer())
        {
            Interlocked.Increment(ref _offRendererReads);
        }
        return base.GetUtcNow();
    }
}
