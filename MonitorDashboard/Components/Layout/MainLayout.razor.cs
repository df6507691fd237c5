using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace MonitorDashboard.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    private readonly MudTheme _theme = new();
    private bool _drawerOpen = true;
    private bool _isDarkMode;
    private string? _timeZone;
    private IJSObjectReference? _themeModule;

    [Inject] public required IJSRuntime JS { get; init; }

    [Inject] public required BrowserTime BrowserTime { get; init; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        _themeModule = await JS.InvokeAsync<IJSObjectReference>("import", "./js/theme.js");
        _isDarkMode = await _themeModule.InvokeAsync<bool>("load");
        _timeZone = await _themeModule.InvokeAsync<string>("timeZone");
        BrowserTime.SetZone(_timeZone);
        StateHasChanged();
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        _isDarkMode = !_isDarkMode;
        if (_themeModule is not null)
        {
            await _themeModule.InvokeVoidAsync("save", _isDarkMode);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_themeModule is not null)
        {
            try
            {
                await _themeModule.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // the circuit is gone; nothing to release in the browser
            }
        }
    }
}
