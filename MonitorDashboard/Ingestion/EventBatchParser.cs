using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MonitorDashboard.Configuration;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Ingestion;

/// <summary>
/// Turns a posted JSON document into validated events, or into the complete list of what is wrong with it.
/// Reading the document by hand (rather than binding to a record) lets every error name the event and field.
/// </summary>
public sealed partial class EventBatchParser(IOptions<IngestOptions> options, TimeProvider time)
{
    public const int MaxNameLength = MetricNames.MaxLength;
    public const int MaxTags = 16;

    // RFC 3339 demands an explicit offset: a bare local time would silently shift by the server's zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Pattern();

    public EventBatch Parse(JsonElement root)
    {
        var errors = new EventErrorList();
        var receivedMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var max = options.Value.MaxEventsPerRequest;
        var fields = new EventFields();
        var timestamps = new TimestampCache();
        List<MetricEvent> events;

        if (root.ValueKind == JsonValueKind.Object)
        {
            events = new List<MetricEvent>(1);
            errors.Index = 0;
            ParseEvent(root, receivedMs, fields, timestamps, events, errors);
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            var length = root.GetArrayLength();
            if (length == 0 || length > max)
            {
                errors.Fail("body", $"must hold 1 to {max} events, not {length}");
                return new EventBatch([], errors.Items);
            }
            events = new List<MetricEvent>(length);
            foreach (var element in root.EnumerateArray())
            {
                errors.Index++;
                ParseEvent(element, receivedMs, fields, timestamps, events, errors);
            }
        }
        else
        {
            events = [];
            errors.Fail("body", "must be a JSON array of events or a single event object");
        }
        return new EventBatch(errors.Count == 0 ? events : [], errors.Items);
    }

    private void ParseEvent(JsonElement element, long receivedMs, EventFields fields, TimestampCache timestamps, List<MetricEvent> events, EventErrorList errors)
    {
        var fail = errors.Fail;
        if (element.ValueKind != JsonValueKind.Object)
        {
            fail("event", "must be a JSON object");
            return;
        }
        var errorCount = errors.Count;

        fields.Read(element, fail);

        var id = OptionalString(fields, "id", fail);
        if (id is not null && (id.Length == 0 || id.Length > MaxNameLength))
        {
            fail("id", $"must be 1 to {MaxNameLength} characters long");
        }

        var timestampMs = ParseTimestamp(fields, timestamps, receivedMs, fail);
        var model = Name(fields, "model", required: true, fail);
        var version = Name(fields, "version", required: false, fail) ?? MetricEvent.DefaultVersion;
        var stage = Name(fields, "stage", required: false, fail) ?? model;

        var kindText = fields.TryGet("kind", out var rawKind) && fields.Repeated("kind", rawKind) is { } repeatedKind
            ? repeatedKind
            : RequiredString(fields, "kind", fail);
        var kind = MetricKind.Software;
        if (kindText is not null && !MetricKinds.TryParse(kindText, out kind))
        {
            fail("kind", "must be software, input or output");
        }
        else if (kindText is not null)
        {
            fields.Accept("kind", kindText);
        }

        var name = Name(fields, "name", required: true, fail);
        var value = ParseValue(fields, fail);
        var tags = ParseTags(fields, fail);

        if (errors.Count == errorCount)
        {
            events.Add(new MetricEvent
            {
                Id = id,
                TimestampMs = timestampMs,
                Series = new SeriesKey { Model = model!, Version = version, Stage = stage!, Kind = kind.ToWire(), Name = name!, Tags = TagJson.Serialize(tags) },
                Value = value,
            });
        }
    }

    private long ParseTimestamp(EventFields fields, TimestampCache timestamps, long receivedMs, Action<string, string> fail)
    {
        // Clients often stamp a whole batch with one time: the same text is parsed (and checked) once.
        if (fields.TryGet("ts", out var raw) && timestamps.Repeated(raw) is { } repeatedMs)
        {
            return repeatedMs;
        }
        var text = OptionalString(fields, "ts", fail);
        if (text is null)
        {
            return receivedMs;
        }
        if (!Rfc3339Pattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ts))
        {
            fail("ts", "must be an RFC 3339 time with a zone, e.g. 2026-11-25T12:00:00Z");
            return 0;
        }
        var ms = ts.ToUnixTimeMilliseconds();
        if (ms < 0)
        {
            fail("ts", "must not be before 1970-01-01T00:00:00Z");
        }
        else if (ms > receivedMs + (options.Value.MaxFutureSkewSeconds * 1000L))
        {
            fail("ts", $"lies more than {options.Value.MaxFutureSkewSeconds} seconds in the future");
        }
        else
        {
            timestamps.Accept(text, ms);
        }
        return ms;
    }

    private static double ParseValue(EventFields fields, Action<string, string> fail)
    {
        if (!fields.TryGet("value", out var value))
        {
            fail("value", "is required");
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            fail("value", "must be a number");
            return 0;
        }
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            fail("value", "must be a finite number within the range of a 64-bit float");
            return 0;
        }
        return number;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ParseTags(EventFields fields, Action<string, string> fail)
    {
        if (!fields.TryGet("tags", out var tagsElement) || tagsElement.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (tagsElement.ValueKind != JsonValueKind.Object)
        {
            fail("tags", "must be an object of string values");
            return [];
        }
        var tags = new List<KeyValuePair<string, string>>();
        foreach (var tag in tagsElement.EnumerateObject())
        {
            if (tag.Name.Length == 0 || tag.Name.Length > MaxNameLength)
            {
                fail("tags", $"keys must be 1 to {MaxNameLength} characters long");
            }
            else if (tag.Value.ValueKind != JsonValueKind.String)
            {
                fail($"tags.{tag.Name}", "must be a string");
            }
            else if (tag.Value.GetString()!.Length > MaxNameLength)
            {
                fail($"tags.{tag.Name}", $"must be at most {MaxNameLength} characters long");
            }
            else if (tags.Exists(t => t.Key == tag.Name))
            {
                fail($"tags.{tag.Name}", "is given more than once");
            }
            else
            {
                tags.Add(new(tag.Name, tag.Value.GetString()!));
            }
        }
        if (tags.Count > MaxTags)
        {
            fail("tags", $"must hold at most {MaxTags} tags, not {tags.Count}");
        }
        tags.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return tags;
    }

    private static string? Name(EventFields fields, string field, bool required, Action<string, string> fail)
    {
        if (fields.TryGet(field, out var raw) && fields.Repeated(field, raw) is { } repeated)
        {
            return repeated;
        }
        var text = required ? RequiredString(fields, field, fail) : OptionalString(fields, field, fail);
        if (text is null)
        {
            return null;
        }
        if (!MetricNames.IsValid(text))
        {
            fail(field, MetricNames.Rule);
            return null;
        }
        fields.Accept(field, text);
        return text;
    }

    /// <summary>The string value of a field; reports a missing, null or non-string value.</summary>
    private static string? RequiredString(EventFields fields, string field, Action<string, string> fail)
    {
        if (!fields.TryGet(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            fail(field, "is required");
            return null;
        }
        return OptionalString(fields, field, fail);
    }

    /// <summary>The string value of a field; null when absent or JSON null; reports any other type.</summary>
    private static string? OptionalString(EventFields fields, string field, Action<string, string> fail)
    {
        if (!fields.TryGet(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
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
