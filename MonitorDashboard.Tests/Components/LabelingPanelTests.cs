using Bunit;
using MonitorDashboard.Components.Controls;
using MonitorDashboard.Review;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.Components;

public sealed class LabelingPanelTests : DashboardTestContext
{
    private static readonly ReviewItem Item = new(7, "p7", "asr", "recognizer", DateTimeOffset.UnixEpoch,
        """{"audio":"https://audio.example/p7.wav"}""", """{"text":"turn on the lights"}""", "human", null,
        """{"text":"turn off the lights"}""", "v2", 0.91, false, DateTimeOffset.UnixEpoch.AddMinutes(10), null, null, null);

    private readonly List<(Verdict Verdict, string? Corrected, string? Note)> _decisions = [];
    private int _undos;

    private IRenderedComponent<LabelingPanel> RenderPanel(bool canUndo = true) =>
        Render<LabelingPanel>(p => p
            .Add(c => c.Item, Item)
            .Add(c => c.CanUndo, canUndo)
            .Add(c => c.OnDecision, d => _decisions.Add(d))
            .Add(c => c.OnUndo, () => _undos++));

    private static void Press(IRenderedComponent<LabelingPanel> panel, string key, bool ctrl = false) =>
        panel.Find("[data-testid=labeling-panel]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = key, CtrlKey = ctrl });

    [Theory]
    [InlineData("1", Verdict.ProductionCorrect)]
    [InlineData("2", Verdict.ShadowCorrect)]
    [InlineData("s", Verdict.Skip)]
    [InlineData("S", Verdict.Skip)]
    public void Key_VerdictShortcut_ReportsThatVerdict(string key, Verdict expected)
    {
        var panel = RenderPanel();

        Press(panel, key);

        Assert.Equal(expected, Assert.Single(_decisions).Verdict);
    }

    [Fact]
    public void Key3_OpensTheCorrectionAndCtrlEnterSubmitsBothWrongWithTheText()
    {
        var panel = RenderPanel();

        Press(panel, "3");
        panel.Find("[data-testid=corrected-output]").Change("turn on the light");
        Press(panel, "1"); // typing in the correction must not trigger a verdict
        Press(panel, "Enter", ctrl: true);

        var decision = Assert.Single(_decisions);
        Assert.Equal(Verdict.BothWrong, decision.Verdict);
        Assert.Equal("\"turn on the light\"", decision.Corrected);
    }

    [Fact]
    public void KeyN_NoteTyped_TravelsWithTheNextVerdict()
    {
        var panel = RenderPanel();

        Press(panel, "n");
        panel.Find("[data-testid=note]").Change("audio clipped");
        Press(panel, "Enter");
        Press(panel, "2");

        Assert.Equal((Verdict.ShadowCorrect, "audio clipped"), (_decisions.Single().Verdict, _decisions.Single().Note));
    }

    [Fact]
    public void KeyU_UndoesWhenAllowedAndNotOtherwise()
    {
        Press(RenderPanel(canUndo: true), "u");
        Press(RenderPanel(canUndo: false), "U");

        Assert.Equal(1, _undos);
    }

    [Fact]
    public void KeyQuestionMark_TogglesTheShortcutHelp()
    {
        var panel = RenderPanel();

        Press(panel, "?");
        Assert.Contains("both wrong", panel.Find("[data-testid=shortcut-help]").TextContent);
        Press(panel, "?");
        Assert.Empty(panel.FindAll("[data-testid=shortcut-help]"));
    }

    [Fact]
    public void Render_Outputs_HighlightsTheWordsThatDiffer()
    {
        var panel = RenderPanel();

        Assert.Equal("on", panel.Find("[data-testid=production-output] .md-diff-changed").TextContent);
        Assert.Equal("off", panel.Find("[data-testid=shadow-output] .md-diff-changed").TextContent);
        Assert.Equal("https://audio.example/p7.wav", panel.Find("[data-testid=item-input] a").GetAttribute("href"));
    }
}
