using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using MonitorDashboard.Configuration;
using MonitorDashboard.ScaleOut;
using StackExchange.Redis;

namespace MonitorDashboard.Hosting;

/// <summary>
/// <c>Live:Backplane=Redis</c>: several instances share the SignalR hub (the Redis backplane), the Data Protection keys
/// (so a cookie issued by one instance opens pages on every other) and the broadcasts of <see cref="IInstanceBroadcast"/>.
/// </summary>
public static class ScaleOutServices
{
    public const string RedisConnectionName = "Redis";
    private const string KeyRingKey = "monitor:data-protection-keys";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration, ISignalRServerBuilder signalR)
    {
        var backplane = configuration.GetValue(LiveOptions.Section + ":" + nameof(LiveOptions.Backplane), LiveBackplane.None);
        if (backplane == LiveBackplane.None)
        {
            services.AddSingleton<IInstanceBroadcast, SingleInstanceBroadcast>();
            return services;
        }

        var redis = Connect(configuration.GetConnectionString(RedisConnectionName));
        services.AddSingleton(redis);
        services.AddSingleton<IInstanceBroadcast, RedisInstanceBroadcast>();
        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal("monitor-hub");
            o.ConnectionFactory = _ => Task.FromResult(redis);
        });
        services.AddDataProtection().SetApplicationName("MonitorDashboard").PersistKeysToStackExchangeRedis(redis, KeyRingKey);
        return services;
    }

    /// <summary>Connects at start: an instance that cannot reach the others' Redis must not start as if it were alone.</summary>
    private static IConnectionMultiplexer Connect(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Live:Backplane is Redis, but ConnectionStrings:{RedisConnectionName} is empty; set it (e.g. 127.0.0.1:6379) or set Live:Backplane to None.");
        }
        try
        {
            return ConnectionMultiplexer.Connect(connectionString);
        }
        catch (RedisConnectionException ex)
        {
            throw new InvalidOperationException($"Live:Backplane is Redis, but ConnectionStrings:{RedisConnectionName} cannot be reached: {ex.Message}", ex);
        }
    }
}
