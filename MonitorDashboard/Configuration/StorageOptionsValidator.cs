using Microsoft.Extensions.Options;
using Npgsql;

namespace MonitorDashboard.Configuration;

/// <summary>
/// What data annotations cannot say about <see cref="StorageOptions"/>: PostgreSQL needs a connection string that parses.
/// Runs at start, before the database is set up (see <c>MonitorDashboardPipeline</c>).
/// </summary>
public sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.Postgres)
        {
            return ValidateOptionsResult.Success;
        }
        var connectionString = configuration.GetConnectionString(StorageOptions.PostgresConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider is Postgres but ConnectionStrings:{StorageOptions.PostgresConnectionName} is not set.");
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            // The message names the bad keyword, never the string itself (it may hold a password).
            return ValidateOptionsResult.Fail($"ConnectionStrings:{StorageOptions.PostgresConnectionName} is not a valid PostgreSQL connection string: {ex.Message}");
        }
    }
}
