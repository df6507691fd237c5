using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MonitorDashboard.Review.Privacy;
using MudBlazor;

namespace MonitorDashboard.Components.Pages.Admin;

/// <summary>The privacy settings in force per model, and erasure of one user's predictions (confirmed, audited).</summary>
public partial class Privacy
{
    private IReadOnlyList<ModelPrivacy>? _settings;
    private string? _userId;
    private string? _model;
    private string? _result;
    private bool _erasing;

    [Inject] public required PredictionPrivacyService PrivacyService { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync() => _settings = await PrivacyService.DescribeAsync();

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !string.IsNullOrWhiteSpace(_userId))
        {
            await EraseAsync();
        }
    }

    private async Task EraseAsync()
    {
        var userId = _userId?.Trim();
        if (string.IsNullOrEmpty(userId))
        {
            return;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync("Erase predictions",
            $"Delete every prediction of user '{userId}'{(_model is null ? " in every model with a user-id path" : $" in {_model}")}? This cannot be undone.",
            yesText: "Erase", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        _erasing = true;
        try
        {
            var actor = (await AuthenticationState).User.Identity?.Name ?? "unknown";
            var deleted = await PrivacyService.EraseAsync(userId, _model, actor, CancellationToken.None);
            _result = $"Deleted {deleted} prediction{(deleted == 1 ? "" : "s")}; the audit log records it by a hash of the id.";
            _userId = null;
        }
        finally
        {
            _erasing = false;
        }
    }
}
