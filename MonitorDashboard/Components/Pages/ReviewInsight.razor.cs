using Microsoft.AspNetCore.Components;
using MonitorDashboard.Dashboards;
using MonitorDashboard.Review;

namespace MonitorDashboard.Components.Pages;

/// <summary>How far a model's shadow could be trusted to decide alone: readiness by confidence, reviewer verdicts and agreement.</summary>
public partial class ReviewInsight
{
    private IReadOnlyList<string> _models = [];
    private string? _model;
    private bool _loaded;
    private ReadinessReport? _report;
    private IReadOnlyDictionary<string, int> _verdicts = new Dictionary<string, int>();
    private IReadOnlyList<ChartSeries> _agreement = [];

    [Inject] public required ReadinessBoardService Board { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _models = await Board.ModelsAsync();
        _loaded = true;
        if (_models.Count > 0)
        {
            await LoadAsync(_models[0]);
        }
    }

    private async Task LoadAsync(string model)
    {
        _model = model;
        var board = await Board.LoadAsync(model);
        (_report, _verdicts, _agreement) = (board.Report, board.Verdicts, board.Agreement);
    }

    private static string Describe(AutomationDegree degree) => degree switch
    {
        AutomationDegree.HumanOnly => "human only",
        AutomationDegree.Shadow => "stay in shadow mode",
        AutomationDegree.AiAssistance => "AI assistance (suggestions to people)",
        AutomationDegree.PartialAutomation => "partial automation by confidence",
        _ => "full automation",
    };
}
