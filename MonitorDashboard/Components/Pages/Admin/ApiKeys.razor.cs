using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MonitorDashboard.Accounts;
using MonitorDashboard.Configuration;
using MonitorDashboard.Ingestion.Cardinality;
using MudBlazor;

namespace MonitorDashboard.Components.Pages.Admin;

public partial class ApiKeys : LocalTimeComponent
{
    private IReadOnlyList<ApiKeyInfo>? _keys;
    private CreatedApiKey? _created;
    private string _newName = "";
    private string _newRole = Roles.Ingest;

    [Inject] public required ApiKeyService Keys { get; init; }
    [Inject] public required ApiKeyUsage Usage { get; init; }
    [Inject] public required CardinalityGuard Cardinality { get; init; }
    [Inject] public required IOptions<AuthOptions> Auth { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync() => _keys = await Keys.ListAsync();

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";

    private async Task CreateAsync()
    {
        _created = await Keys.CreateAsync(_newName, _newRole, await ActorAsync());
        _newName = "";
        _keys = await Keys.ListAsync();
    }

    private async Task RevokeAsync(ApiKeyInfo key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Revoke key?",
            $"Requests with the key '{key.Name}' will be refused from the next request on. This cannot be undone.",
            yesText: "Revoke", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        await Keys.RevokeAsync(key.Id, await ActorAsync());
        Snackbar.Add($"Key '{key.Name}' revoked.", Severity.Success);
        _keys = await Keys.ListAsync();
    }
}
