using System.Globalization;
using Microsoft.AspNetCore.Components;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Storage;

namespace MonitorDashboard.Components.Controls;

public partial class FilterBar
{
    private const string LocalInputFormat = "yyyy-MM-ddTHH:mm";
    private bool _editingCustom;
    private string? _customFrom;
    private string? _customTo;

    /// <summary>The series that exist for this page's kind: models, stages and versions are offered from them.</summary>
    [Parameter, EditorRequired] public required IReadOnlyList<SeriesInfo> Series { get; set; }

    [Parameter, EditorRequired] public required DashboardFilter Filter { get; set; }

    [Parameter] public EventCallback<DashboardFilter> FilterChanged { get; set; }

    /// <summary>Zone for the custom range inputs (the browser's, so people type their own local time).</summary>
    [Parameter] public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    private IReadOnlyList<string> Stages => Filter.Model is null ? [] : PipelineLayout.Stages(Series, Filter.Model);

    private IReadOnlyList<string> Versions => Filter.Model is null ? [] : PipelineLayout.Versions(Series, Filter.Model, Filter.Stage);

    private IReadOnlyCollection<string> SelectedVersions { get; set; } = [];

    protected override void OnParametersSet()
    {
        SelectedVersions = Filter.Versions.ToList();
        if (Filter.Range.IsCustom)
        {
            _customFrom = ToLocalInput(Filter.Range.FixedFrom!.Value);
            _customTo = ToLocalInput(Filter.Range.FixedTo!.Value);
        }
    }

    private Task SetModelAsync(string model) =>
        FilterChanged.InvokeAsync(Filter with { Model = model, Stage = PipelineLayout.Stages(Series, model).FirstOrDefault(), Versions = [] });

    private Task SetStageAsync(string stage) => FilterChanged.InvokeAsync(Filter with { Stage = stage, Versions = [] });

    private Task SetVersionsAsync(IReadOnlyCollection<string>? versions) =>
        FilterChanged.InvokeAsync(Filter with { Versions = versions?.ToList() ?? [] });

    private Task SetLiveAsync(bool live) => FilterChanged.InvokeAsync(Filter with { Live = live });

    private Task SetRangeAsync(string key)
    {
        if (key == TimeRange.CustomKey)
        {
            // Start a custom range from what is on screen now; it becomes active once both ends are set.
            var (from, to) = Filter.Range.Resolve(DateTimeOffset.UtcNow);
            (_customFrom, _customTo, _editingCustom) = (ToLocalInput(from), ToLocalInput(to), true);
            return FilterChanged.InvokeAsync(Filter with { Range = TimeRange.Custom(from, to), Live = false });
        }
        _editingCustom = false;
        return FilterChanged.InvokeAsync(Filter with { Range = TimeRange.Parse(key, null, null) });
    }

    private Task SetCustomAsync(string? from, string? to)
    {
        (_customFrom, _customTo) = (from, to);
        return FromLocalInput(from) is { } f && FromLocalInput(to) is { } t && f < t
            ? FilterChanged.InvokeAsync(Filter with { Range = TimeRange.Custom(f, t), Live = false })
            : Task.CompletedTask;
    }

    private string ToLocalInput(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).ToString(LocalInputFormat, CultureInfo.InvariantCulture);

    private DateTimeOffset? FromLocalInput(string? text)
    {
        if (!DateTime.TryParseExact(text, LocalInputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
