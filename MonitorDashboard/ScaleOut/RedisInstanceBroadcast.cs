using StackExchange.Redis;

namespace MonitorDashboard.ScaleOut;

/// <summary>
/// Redis pub/sub, one channel per topic. Every message carries the sending instance's id, so an instance skips its
/// own. Publishing is fire-and-forget: pub/sub delivers to whoever listens now, and a missed message costs at most
/// the caches' lifetimes (a revoked key is refused by every instance within 30 s anyway).
/// </summary>
public sealed class RedisInstanceBroadcast(IConnectionMultiplexer redis, ILogger<RedisInstanceBroadcast> logger) : IInstanceBroadcast
{
    private const char Separator = '|';
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public void Publish(BroadcastTopic topic, string message) =>
        redis.GetSubscriber().Publish(ChannelOf(topic), _instance + Separator + message, CommandFlags.FireAndForget);

    public void Subscribe(BroadcastTopic topic, Action<string> handler) =>
        redis.GetSubscriber().Subscribe(ChannelOf(topic), (_, value) =>
        {
            var text = (string?)value;
            var separator = text?.IndexOf(Separator) ?? -1;
            if (separator < 0 || text.AsSpan(0, separator).SequenceEqual(_instance))
            {
                return;
            }
            try
            {
                handler(text![(separator + 1)..]);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Handling a {Topic} message from another instance failed", topic);
            }
        });

    private static RedisChannel ChannelOf(BroadcastTopic topic) => RedisChannel.Literal("monitor:" + topic);
}
