using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Postgres;
using MonitorDashboard.Storage.Reading;
using MonitorDashboard.Storage.Retention;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Hosting;

/// <summary>
/// The database: its options, the context factory for the configured engine and the per-engine storage classes.
/// Everything here is built from validated <see cref="StorageOptions"/> when first resolved, never from raw configuration.
/// </summary>
public static class StorageServices
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddValidatedOptions<StorageOptions>(configuration);
        services.AddSingleton<IValidateOptions<StorageOptions>>(new StorageOptionsValidator(configuration));
        services.AddSingleton(sp => new DatabaseLocation(StoragePath.Resolve(Storage(sp).Path, environment.ContentRootPath)));
        services.AddSingleton<IDbContextFactory<MonitorDbContext>>(sp => CreateFactory(sp, configuration));
        services.AddSingleton(sp => new PointReaders(Storage(sp).Provider));
        services.AddSingleton(_ => WriterDataSource.Create(configuration.GetConnectionString(StorageOptions.PostgresConnectionName)!));
        services.AddPerEngine<ReviewQueueStore, SqliteReviewQueueStore, PostgresReviewQueueStore>();
        services.AddPerEngine<IPointStore, PointStore, PostgresPointStore>();
        services.AddPerEngine<RetentionStore, SqliteRetentionStore, PostgresRetentionStore>();
        return services;
    }

    /// <summary>One service with an implementation per engine, the configured one made when first resolved.</summary>
    private static void AddPerEngine<TService, TSqlite, TPostgres>(this IServiceCollection services)
        where TService : class where TSqlite : TService where TPostgres : TService =>
        services.AddSingleton<TService>(sp => Storage(sp).Provider == StorageProvider.Postgres
            ? ActivatorUtilities.CreateInstance<TPostgres>(sp)
            : ActivatorUtilities.CreateInstance<TSqlite>(sp));

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static MonitorDbContextFactory CreateFactory(IServiceProvider services, IConfiguration configuration)
    {
        var storage = Storage(services);
        return storage.Provider == StorageProvider.Postgres
            ? MonitorDbContextFactory.ForPostgres(configuration.GetConnectionString(StorageOptions.PostgresConnectionName)!)
            : MonitorDbContextFactory.ForSqlite(services.GetRequiredService<DatabaseLocation>().FullPath, storage.Synchronous);
    }
}
