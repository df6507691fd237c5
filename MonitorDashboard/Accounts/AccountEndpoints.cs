using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post (with antiforgery, validated because the handler binds form data), so no link can sign anyone out.
        app.MapPost(AccountUrls.Logout, async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect($"~{AccountUrls.Login}");
        });
        return app;
    }
}
