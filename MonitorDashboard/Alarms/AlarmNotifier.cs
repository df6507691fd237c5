using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Live;

namespace MonitorDashboard.Alarms;

/// <summary>
/// Tells open pages (badge, alarm list, charts) that alarm states or rules changed, through the same throttled,
/// off-thread delivery as live points: a burst of saves or a slow page never holds up the evaluator or a request.
/// </summary>
public sealed class AlarmNotifier(IOptions<LiveOptions> options, TimeProvider time, ILogger<AlarmNotifier> logger)
{
    private readonly ChangeFeed<AlarmChange> _feed = new(TimeSpan.FromMilliseconds(options.Value.PageFlushIntervalMilliseconds), time, logger);

    public int SubscriberCount => _feed.SubscriberCount;

    public IDisposable Subscribe(AlarmChange changes, Func<Task> onChange, SubscriberContext context) =>
        _feed.Subscribe(change => (changes & change) != 0, onChange, context);

    public void NotifyStatesChanged() => _feed.Notify(AlarmChange.States);

    public void NotifyRulesChanged() => _feed.Notify(AlarmChange.Rules);
}
