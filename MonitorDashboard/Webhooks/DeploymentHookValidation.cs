using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Webhooks;

/// <summary>Deployment hooks are configuration, not saved through the API: the webhook policy is applied to them at start.</summary>
public sealed class DeploymentHookValidation(WebhookPolicy policy) : IValidateOptions<DeploymentOptions>
{
    public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
    {
        var failures = options.Webhooks
            .Where(hook => !string.IsNullOrWhiteSpace(hook.Value))
            .Select(hook => policy.CheckUrl(hook.Value) is { } reason ? $"{DeploymentOptions.Section}:Webhooks:{hook.Key}: {reason}" : null)
            .OfType<string>()
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
