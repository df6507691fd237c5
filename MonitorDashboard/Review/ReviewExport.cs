using System.Text;
using System.Text.Json;
using MonitorDashboard.Storage.Review;

namespace MonitorDashboard.Review;

/// <summary>Labelled items for retraining, streamed row by row (memory stays flat however many there are).</summary>
public sealed class ReviewExport(LabelledPredictionStore store)
{
    public static readonly string[] CsvColumns =
        ["id", "model", "stage", "ts", "input", "production_output", "production_source", "production_version", "shadow_output",
         "shadow_version", "shadow_confidence", "verdict", "corrected_output", "note", "reviewer", "labelled_at"];

    public async Task WriteAsync(Stream output, string format, string? model, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024);
        if (format == "csv")
        {
            await writer.WriteLineAsync(string.Join(',', CsvColumns));
        }
        await foreach (var row in store.StreamAsync(model, from, to, cancellationToken))
        {
            await writer.WriteLineAsync(format == "csv" ? CsvLine(row) : JsonLine(row));
        }
    }

    private static string Time(DateTimeOffset at) => at.ToString("O");

    private static string JsonLine(LabelledItem labelled)
    {
        var r = labelled.Item;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("id", r.ClientId);
            json.WriteString("model", r.Model);
            json.WriteString("stage", r.Stage);
            json.WriteString("ts", Time(r.Ts));
            json.WritePropertyName("input");
            json.WriteRawValue(r.Input);
            json.WriteStartObject("production");
            json.WritePropertyName("output");
            json.WriteRawValue(r.ProductionOutput);
            json.WriteString("source", r.ProductionSource);
            json.WriteString("version", r.ProductionVersion);
            json.WriteEndObject();
            json.WriteStartObject("shadow");
            json.WritePropertyName("output");
            json.WriteRawValue(r.ShadowOutput);
            json.WriteString("version", r.ShadowVersion);
            if (r.ShadowConfidence is { } c) json.WriteNumber("confidence", c); else json.WriteNull("confidence");
            json.WriteEndObject();
            json.WriteString("verdict", r.Verdict);
            json.WritePropertyName("correctedOutput");
            if (r.CorrectedOutput is { } corrected) json.WriteRawValue(corrected); else json.WriteNullValue();
            json.WriteString("note", r.Note);
            json.WriteString("reviewer", labelled.LabelledBy);
            json.WriteString("labelledAt", labelled.LabelledAt is { } l ? Time(l) : null);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string CsvLine(LabelledItem labelled) => CsvLine(labelled.Item, labelled);

    private static string CsvLine(ReviewItem r, LabelledItem labelled) => string.Join(',', new[]
    {
        r.ClientId, r.Model, r.Stage, Time(r.Ts), r.Input, r.ProductionOutput, r.ProductionSource, r.ProductionVersion,
        r.ShadowOutput, r.ShadowVersion, r.ShadowConfidence?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        r.Verdict, r.CorrectedOutput, r.Note, labelled.LabelledBy, labelled.LabelledAt is { } l ? Time(l) : null,
    }.Select(Csv));

    /// <summary>RFC 4180: quote when needed, double the quotes inside.</summary>
    public static string Csv(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
