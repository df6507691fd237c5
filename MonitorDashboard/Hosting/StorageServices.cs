using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
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
        services.AddSingleton<ReviewQueueStore>(sp => Storage(sp).Provider == StorageProvider.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresReviewQueueStore>(sp)
            : ActivatorUtilities.CreateInstance<SqliteReviewQueueStore>(sp));
        return services;
    }

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static MonitorDbContextFactory CreateFactory(IServiceProvider services, IConfiguration configuration)
    {
        var storage = Storage(services);
        return storage.Provider == StorageProvider.Postgres
            ? MonitorDbContextFactory.ForPostgres(configuration.GetConnectionString(StorageOptions.PostgresConnectionName)!)
            : MonitorDbContextFactory.ForSqlite(services.GetRequiredService<DatabaseLocation>().FullPath, storage.Synchronous);
    }
}
