using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Hosting;

/// <summary>Identity, API keys, policies and per-key rate limits.</summary>
public static class AccountServices
{
    public const string IngestRateLimit = "ingest-per-key";
    private const string CookieOrKeyScheme = "CookieOrApiKey";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AuthOptions>(configuration);
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MonitorDbContext>>().CreateDbContext());
        services.AddIdentityCore<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = true; // answered by EnabledUserConfirmation
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MonitorDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserConfirmation<AppUser>, EnabledUserConfirmation>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrKeyScheme;
                o.DefaultChallengeScheme = CookieOrKeyScheme;
                o.DefaultForbidScheme = CookieOrKeyScheme;
            })
            .AddPolicyScheme(CookieOrKeyScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.HasKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountUrls.Login;
            o.AccessDeniedPath = AccountUrls.AccessDenied;
            o.Cookie.Name = "MonitorDashboard.Auth";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.SlidingExpiration = true;
            // The API and hub answer 401/403 problem+json; only pages redirect to the login form.
            o.Events.OnRedirectToLogin = c => AccountProblems.IsApiRequest(c.Request)
                ? AccountProblems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized)
                : RedirectAsync(c);
            o.Events.OnRedirectToAccessDenied = c => AccountProblems.IsApiRequest(c.Request)
                ? AccountProblems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden)
                : RedirectAsync(c);
        });
        services.AddAuthorizationBuilder().AddMonitorDashboardPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();

        services.AddSingleton<AuditLog>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserAdminService>();

        services.AddRateLimiter(o =>
        {
            o.OnRejected = WriteRateLimitedAsync;
            o.AddPolicy(IngestRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                PartitionKey(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = auth.IngestBurst,
                    TokensPerPeriod = auth.IngestRequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }

    /// <summary>One bucket per API key (or per signed-in user), so one noisy client cannot starve the others.</summary>
    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId ? $"key:{keyId}"
        : context.User.Identity?.Name is { } user ? $"user:{user}"
        : "anonymous";

    private static async ValueTask WriteRateLimitedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var http = rejected.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key exceeded its request rate; retry after {retryAfter} s or batch more events per request.",
            },
        });
    }

    private static Task RedirectAsync(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
