using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MonitorDashboard.Review;

namespace MonitorDashboard.Components.Controls;

/// <summary>The decision part of the labeling page; the page owns the queue and passes each item in.</summary>
public partial class LabelingPanel
{
    private ElementReference _root;
    private IReadOnlyList<(string Word, bool Differs)> _productionWords = [];
    private IReadOnlyList<(string Word, bool Differs)> _shadowWords = [];
    private long _shownItem = -1;
    private bool _correcting;
    private bool _noting;
    private bool _help;
    private string? _corrected;
    private string? _note;

    [Parameter, EditorRequired] public required ReviewItem Item { get; set; }

    /// <summary>Verdict, corrected output (JSON, for both wrong) and note.</summary>
    [Parameter] public EventCallback<(Verdict Verdict, string? Corrected, string? Note)> OnDecision { get; set; }

    [Parameter] public EventCallback OnUndo { get; set; }

    [Parameter] public bool CanUndo { get; set; }

    protected override void OnParametersSet()
    {
        if (Item.Id == _shownItem)
        {
            return;
        }
        _shownItem = Item.Id;
        (_correcting, _noting, _corrected, _note) = (false, false, null, Item.Note);
        var (production, shadow) = (OutputDiff.DisplayText(Item.ProductionOutput), OutputDiff.DisplayText(Item.ShadowOutput));
        _productionWords = OutputDiff.Mark(production, shadow);
        _shadowWords = OutputDiff.Mark(shadow, production);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Keep the keys working: the panel takes focus whenever no text field is open.
        if (!_correcting && !_noting)
        {
            await _root.FocusAsync();
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (_correcting)
        {
            if (e.Key == "Escape") _correcting = false;
            else if (e.Key == "Enter" && e.CtrlKey) await SubmitCorrectionAsync();
            return;
        }
        if (_noting)
        {
            if (e.Key == "Escape") (_noting, _note) = (false, null);
            else if (e.Key == "Enter") _noting = false;
            return;
        }
        switch (e.Key)
        {
            case "1": await DecideAsync(Verdict.ProductionCorrect); break;
            case "2": await DecideAsync(Verdict.ShadowCorrect); break;
            case "3": StartCorrection(); break;
            case "s" or "S": await DecideAsync(Verdict.Skip); break;
            case "u" or "U": await UndoAsync(); break;
            case "n" or "N": _noting = true; break;
            case "?": _help = !_help; break;
        }
    }

    private void StartCorrection()
    {
        _corrected ??= Item.ShadowOutput;
        _correcting = true;
    }

    private async Task SubmitCorrectionAsync()
    {
        try
        {
            JsonDocument.Parse(_corrected ?? "").Dispose();
        }
        catch (JsonException)
        {
            // Plain text is the common case for transcripts: store it as a JSON string.
            _corrected = JsonSerializer.Serialize(_corrected ?? "");
        }
        _correcting = false;
        await OnDecision.InvokeAsync((Verdict.BothWrong, _corrected, _note));
    }

    private Task DecideAsync(Verdict verdict) => OnDecision.InvokeAsync((verdict, null, _note));

    private Task UndoAsync() => CanUndo ? OnUndo.InvokeAsync() : Task.CompletedTask;

    private static JsonElement Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
