using Microsoft.Extensions.Http.Resilience;

namespace MonitorDashboard.Webhooks;

/// <summary>
/// The standard resilience handler for outbound webhooks, except that a policy refusal is not retried: retrying an
/// address the policy refuses only delays the error until the total timeout hides it.
/// </summary>
public static class WebhookResilience
{
    public static void SkipRefusals(HttpStandardResilienceOptions options) =>
        options.Retry.ShouldHandle = args => ValueTask.FromResult(!IsRefusal(args.Outcome.Exception) && HttpClientResiliencePredicates.IsTransient(args.Outcome));

    /// <summary>SocketsHttpHandler wraps what a connect callback throws in an HttpRequestException of its own.</summary>
    public static bool IsRefusal(Exception? exception) => exception is WebhookRefusedException || exception?.InnerException is WebhookRefusedException;
}
