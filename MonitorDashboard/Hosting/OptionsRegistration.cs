using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Hosting;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from its own section and validates it at start, so a bad setting stops the app
    /// before first use instead of failing the first request that reads it. The defaults live in the class.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration)
        where T : class, ISectionOptions =>
        services.AddOptions<T>().Bind(configuration.GetSection(T.Section)).ValidateDataAnnotations().ValidateOnStart();
}
