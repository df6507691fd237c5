using System.Text.Json;
using MonitorDashboard.Ingestion;

namespace MonitorDashboard.Deployments;

/// <summary>
/// Reads a small JSON body into a record, never throwing for anything a client sends: malformed JSON is an error on
/// <c>body</c>, a value of the wrong type an error on its field (e.g. <c>trafficPercent</c>).
/// </summary>
public static class RequestJson
{
    public const long MaxBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <returns>The value (null for an empty body when <paramref name="allowEmpty"/>), or the errors keyed by field.</returns>
    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request, bool allowEmpty, CancellationToken ct)
        where T : class
    {
        var bytes = await RequestBodyReader.ReadAsync(request, MaxBytes, ct);
        if (bytes is not { } body)
        {
            return (null, Error("body", $"must be at most {MaxBytes} bytes"));
        }
        if (body.Length == 0 || body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return allowEmpty ? (null, null) : (null, Error("body", "is empty; send a JSON object"));
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(body.Span, Options);
            return value is not null || allowEmpty ? (value, null) : (null, Error("body", "must be a JSON object"));
        }
        catch (JsonException ex)
        {
            return (null, Error(Field(ex.Path), $"is not valid: {ex.Message}"));
        }
    }

    /// <summary><c>$.trafficPercent</c> -> <c>trafficPercent</c>; the root or anything nested -> <c>body</c>.</summary>
    private static string Field(string? path) =>
        path is ['$', '.', .. var name] && name.Length > 0 && !name.Contains('.') && !name.Contains('[')
            ? char.ToLowerInvariant(name[0]) + name[1..]
            : "body";

    private static Dictionary<string, string[]> Error(string field, string reason) => new() { [field] = [reason] };
}
