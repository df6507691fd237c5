using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Retention;
using MonitorDashboard.Storage.Accounts;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Review.Privacy;

/// <summary>Retention and erasure of prediction payloads (they hold user data), per model, in small steps.</summary>
public sealed class PredictionPrivacyService(
    PredictionPrivacyStore store, ReviewInsights insights, AuditLog audit, IOptions<ReviewOptions> review, IOptions<RetentionOptions> retention)
{
    /// <summary>Deletes unlabelled predictions past their model's retention, and labelled ones where a labelled retention is set.</summary>
    public async Task<long> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = review.Value;
        long deleted = 0;
        foreach (var model in await insights.ModelsAsync(cancellationToken))
        {
            deleted += await InStepsAsync(limit =>
                store.DeleteOlderThanAsync(model, labelled: false, Cutoff(now, settings.RetentionDaysFor(model)), limit, cancellationToken));
            if (settings.LabelledRetentionDaysFor(model) is > 0 and var labelledDays)
            {
                deleted += await InStepsAsync(limit =>
                    store.DeleteOlderThanAsync(model, labelled: true, Cutoff(now, labelledDays), limit, cancellationToken));
            }
        }
        return deleted;
    }

    /// <summary>The settings in force for every model with stored predictions or its own privacy entry.</summary>
    public async Task<IReadOnlyList<ModelPrivacy>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var settings = review.Value;
        return (await insights.ModelsAsync(cancellationToken)).Union(settings.Privacy.Keys).Order(StringComparer.Ordinal)
            .Select(m =>
            {
                var p = settings.PrivacyFor(m);
                return new ModelPrivacy(m, settings.RetentionDaysFor(m), settings.LabelledRetentionDaysFor(m), p.RedactPaths, p.RedactPatterns, p.UserIdPath);
            })
            .ToList();
    }

    /// <summary>The models erasure can search: those whose privacy settings name a user-id path.</summary>
    public IReadOnlyList<string> ErasableModels(IEnumerable<string> models) =>
        models.Where(m => review.Value.PrivacyFor(m).UserIdPath is not null).ToList();

    /// <summary>
    /// Deletes every prediction whose input holds <paramref name="userId"/> at its model's user-id path (of one model, or of
    /// all that have one) and audits it. The audit keeps a hash of the id, not the id: the log must not keep what was erased.
    /// </summary>
    public async Task<long> EraseAsync(string userId, string? model, string actor, CancellationToken cancellationToken)
    {
        var models = model is not null ? [model] : await insights.ModelsAsync(cancellationToken);
        long deleted = 0;
        foreach (var candidate in ErasableModels(models))
        {
            var path = JsonPath(review.Value.PrivacyFor(candidate).UserIdPath!);
            deleted += await InStepsAsync(limit => store.DeleteOfUserAsync(candidate, path, userId, limit, cancellationToken));
        }
        await audit.RecordAsync(actor, "predictions.erase", $"user sha256:{Hash(userId)}", null,
            $"{deleted} predictions{(model is null ? "" : $" of {model}")}", cancellationToken);
        return deleted;
    }

    /// <summary>SQLite's JSON path for a dot path: <c>user.id</c> -> <c>$."user"."id"</c>, numbers as array indexes.</summary>
    public static string JsonPath(string dotPath) => "$" + string.Concat(dotPath.Split('.', StringSplitOptions.RemoveEmptyEntries)
        .Select(part => int.TryParse(part, out var index) ? $"[{index}]" : $".\"{part.Replace("\"", "\\\"", StringComparison.Ordinal)}\""));

    private static string Hash(string userId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16];

    private static DateTimeOffset Cutoff(DateTimeOffset now, int days) => now - TimeSpan.FromDays(days);

    private Task<long> InStepsAsync(Func<int, Task<int>> deleteStep) => StepwiseDelete.RunAsync(retention.Value.RowsPerStep, deleteStep);
}
