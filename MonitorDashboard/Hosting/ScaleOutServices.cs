using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using MonitorDashboard.Configuration;
using MonitorDashboard.ScaleOut;
using MonitorDashboard.Storage.ScaleOut;
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
        AddWorkLease(services, configuration);
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

    /// <summary>
    /// Registers <typeparamref name="T"/> (already a singleton) as work that runs on one instance at a time: directly when
    /// this is the only instance, else behind a <see cref="LeaderOnlyService"/> holding the lease named after it.
    /// (AddSingleton, not AddHostedService: the latter keeps one registration per implementation type, and every one
    /// of these is typed IHostedService.)
    /// </summary>
    public static IServiceCollection AddLeaderOnlyHostedService<T>(this IServiceCollection services) where T : class, IHostedService =>
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<IWorkLease>() is SingleInstanceLease
            ? provider.GetRequiredService<T>()
            : new LeaderOnlyService(provider.GetRequiredService<T>(), typeof(T).Name, provider.GetRequiredService<IWorkLease>(),
                provider.GetRequiredService<ILogger<LeaderOnlyService>>()));

    /// <summary>Instances that share a PostgreSQL database take turns through its advisory locks; on SQLite there is one instance.</summary>
    private static void AddWorkLease(IServiceCollection services, IConfiguration configuration)
    {
        var postgres = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider == StorageProvider.Postgres;
        var connectionString = configuration.GetConnectionString("Postgres");
        services.AddSingleton<IWorkLease>(postgres && !string.IsNullOrWhiteSpace(connectionString)
            ? new PostgresWorkLease(connectionString)
            : new SingleInstanceLease());
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
