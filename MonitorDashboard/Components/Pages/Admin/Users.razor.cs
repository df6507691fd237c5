using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MonitorDashboard.Accounts;
using MudBlazor;

namespace MonitorDashboard.Components.Pages.Admin;

public partial class Users : LocalTimeComponent
{
    private IReadOnlyList<UserInfo>? _users;
    private MudForm? _form;
    private bool _formValid;
    private bool _busy;
    private string _newUserName = "";
    private string _newPassword = "";
    private string _newRole = Roles.Viewer;
    private bool _resetVisible;
    private UserInfo? _resetUser;
    private string _resetPassword = "";

    [Inject] public required UserAdminService Admin { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync() => _users = await Admin.ListAsync();

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "unknown";

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            var result = await Admin.CreateAsync(_newUserName, _newPassword, _newRole, await ActorAsync());
            if (Report(result, $"User '{_newUserName}' created as {_newRole}."))
            {
                _newUserName = _newPassword = "";
                _newRole = Roles.Viewer;
                _users = await Admin.ListAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SetRoleAsync(UserInfo user, string role)
    {
        if (Report(await Admin.SetRoleAsync(user.Id, role, await ActorAsync()), $"{user.UserName} is now {role}."))
        {
            _users = await Admin.ListAsync();
        }
    }

    private async Task ToggleDisabledAsync(UserInfo user)
    {
        var disable = !user.IsDisabled;
        if (Report(await Admin.SetDisabledAsync(user.Id, disable, await ActorAsync()), $"{user.UserName} {(disable ? "disabled" : "enabled")}."))
        {
            _users = await Admin.ListAsync();
        }
    }

    private void OpenReset(UserInfo user)
    {
        _resetUser = user;
        _resetPassword = "";
        _resetVisible = true;
    }

    private async Task ResetAsync()
    {
        if (_resetUser is not null && Report(await Admin.ResetPasswordAsync(_resetUser.Id, _resetPassword, await ActorAsync()), $"Password of {_resetUser.UserName} reset."))
        {
            _resetVisible = false;
            _users = await Admin.ListAsync();
        }
    }

    private bool Report(AccountResult result, string success)
    {
        if (result.Succeeded)
        {
            Snackbar.Add(success, Severity.Success);
        }
        else
        {
            Snackbar.Add(string.Join(" ", result.Errors), Severity.Error);
        }
        return result.Succeeded;
    }
}
