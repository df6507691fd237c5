using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;
using MonitorDashboard.Storage.Accounts;

namespace MonitorDashboard.Hosting;

/// <summary>Identity, API keys, policies and the per-key event budget.</summary>
public static class AccountServices
{
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
            // A user changed lately (here or on another instance) is checked against the database now, not in a minute.
            o.Events.OnValidatePrincipal = c =>
            {
                var userId = c.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
                var rechecks = c.HttpContext.RequestServices.GetRequiredService<SessionRechecks>();
                if (rechecks.MustRecheck(userId, c.Properties.IssuedUtc))
                {
                    c.Properties.IssuedUtc = rechecks.OverdueIssueTime();
                }
                return SecurityStampValidator.ValidatePrincipalAsync(c);
            };
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
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserAdminService>();
        services.AddSingleton<SessionRechecks>();
        services.AddHostedService<AccountBroadcasts>();

        services.AddSingleton<ApiKeyUsage>();
        services.AddSingleton<IngestBudget>();
        return services;
    }

    private static Task RedirectAsync(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
