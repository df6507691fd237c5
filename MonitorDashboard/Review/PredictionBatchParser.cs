using System.Globalization;
using System.Text.Json;
using MonitorDashboard.Ingestion;

namespace MonitorDashboard.Review;

/// <summary>Validates a posted batch of predictions whole, naming every bad field by index, like the event parser does.</summary>
public sealed class PredictionBatchParser(TimeProvider time)
{
    public const int MaxPredictions = 1000;
    public const int MaxInputBytes = 64 * 1024;
    private static readonly string[] Fields = ["id", "ts", "model", "stage", "input", "production", "shadow"];

    public (List<Prediction> Predictions, List<EventError> Errors) Parse(JsonElement root)
    {
        var errors = new List<EventError>();
        var predictions = new List<Prediction>();
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => null,
        };
        if (items is null || items.Count is 0 or > MaxPredictions)
        {
            errors.Add(new EventError(-1, "body", $"must hold 1 to {MaxPredictions} predictions"));
            return ([], errors);
        }
        var now = time.GetUtcNow();
        for (var i = 0; i < items.Count; i++)
        {
            if (ParseOne(items[i], i, now, errors) is { } prediction)
            {
                predictions.Add(prediction);
            }
        }
        if (predictions.GroupBy(p => (p.Model, p.Id)).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            errors.Add(new EventError(-1, "id", $"'{repeated.Key.Id}' appears twice in this batch"));
        }
        return (errors.Count == 0 ? predictions : [], errors);
    }

    private static Prediction? ParseOne(JsonElement e, int index, DateTimeOffset now, List<EventError> errors)
    {
        var before = errors.Count;
        void Fail(string field, string reason) => errors.Add(new EventError(index, field, reason));
        if (e.ValueKind != JsonValueKind.Object)
        {
            Fail("prediction", "must be a JSON object");
            return null;
        }
        foreach (var property in e.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            Fail(property.Name, $"is not a known field (known: {string.Join(", ", Fields)})");
        }
        var id = Text(e, "id", Fail, required: true);
        if (id is { Length: 0 or > 64 }) Fail("id", "must be 1 to 64 characters long");
        var model = Text(e, "model", Fail, required: true);
        if (model is not null && !MetricNames.IsValid(model)) Fail("model", MetricNames.Rule);
        var stage = Text(e, "stage", Fail, required: false);
        if (stage is not null && !MetricNames.IsValid(stage)) Fail("stage", MetricNames.Rule);

        var ts = now;
        if (Text(e, "ts", Fail, required: false) is { } tsText
            && (!DateTimeOffset.TryParse(tsText, CultureInfo.InvariantCulture, DateTimeStyles.None, out ts) || ts > now.AddMinutes(5)))
        {
            Fail("ts", "must be an RFC 3339 time, at most 5 minutes in the future");
        }

        if (!e.TryGetProperty("input", out var input) || input.ValueKind == JsonValueKind.Undefined) Fail("input", "is required (what the reviewer needs to see)");
        else if (input.GetRawText().Length > MaxInputBytes) Fail("input", $"must be at most {MaxInputBytes / 1024} KiB of JSON");

        JsonElement productionOutput = default, shadowOutput = default;
        string? source = null, productionVersion = null, shadowVersion = null;
        double? confidence = null;
        if (!e.TryGetProperty("production", out var production) || production.ValueKind != JsonValueKind.Object) Fail("production", "must be an object with output and source");
        else
        {
            if (!production.TryGetProperty("output", out productionOutput)) Fail("production.output", "is required");
            source = Text(production, "source", (f, r) => Fail("production." + f, r), required: true);
            if (source is not null and not ("human" or "model")) Fail("production.source", "must be human or model");
            productionVersion = Text(production, "version", (f, r) => Fail("production." + f, r), required: false);
        }
        if (!e.TryGetProperty("shadow", out var shadow) || shadow.ValueKind != JsonValueKind.Object) Fail("shadow", "must be an object with output and version");
        else
        {
            if (!shadow.TryGetProperty("output", out shadowOutput)) Fail("shadow.output", "is required");
            shadowVersion = Text(shadow, "version", (f, r) => Fail("shadow." + f, r), required: true);
            if (shadow.TryGetProperty("confidence", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                if (c.ValueKind != JsonValueKind.Number || !c.TryGetDouble(out var value) || value is < 0 or > 1) Fail("shadow.confidence", "must be a number from 0 to 1");
                else confidence = value;
            }
        }
        return errors.Count > before ? null : new Prediction(id!, ts.ToUnixTimeMilliseconds(), model!, stage, input.Clone(),
            productionOutput.Clone(), source!, productionVersion, shadowOutput.Clone(), shadowVersion!, confidence);
    }

    private static string? Text(JsonElement e, string field, Action<string, string> fail, bool required)
    {
        if (!e.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) fail(field, "is required");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            fail(field, "must be a string");
            return null;
        }
        return value.GetString();
    }
}
