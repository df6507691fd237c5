using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Accounts;

/// <summary>First start: roles, the <c>admin</c> user when no user exists, and the configured bootstrap API key.</summary>
public static class BootstrapAccounts
{
    public const string AdminUserName = "admin";

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.KeyRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var options = scope.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (!users.Users.Any())
        {
            var password = string.IsNullOrEmpty(options.BootstrapAdminPassword) ? GeneratePassword() : options.BootstrapAdminPassword;
            var admin = new AppUser { UserName = AdminUserName, Created = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Auth:BootstrapAdminPassword is not acceptable: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(admin, Roles.Admin);
            if (string.IsNullOrEmpty(options.BootstrapAdminPassword))
            {
                // Printed once to the console on purpose (not through the logger, so it never lands in log files).
                Console.WriteLine();
                Console.WriteLine($"  First start: sign in as '{AdminUserName}' with password: {password}");
                Console.WriteLine("  (shown once; change it under 'Change password' or set Auth__BootstrapAdminPassword before the first start)");
                Console.WriteLine();
            }
        }

        if (!string.IsNullOrEmpty(options.BootstrapApiKey))
        {
            await scope.ServiceProvider.GetRequiredService<ApiKeyService>().EnsureAsync(options.BootstrapApiKey, "bootstrap", Roles.Admin, cancellationToken);
        }
    }

    private static string GeneratePassword() =>
        // Satisfies Identity's default rules: upper, lower, digit, symbol.
        "Md-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "9a";
}
