using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace MonitorDashboard.Components.Controls;

/// <summary>What every chart component does with the one JS module behind them (lineChart.js).</summary>
internal static class ChartModule
{
    /// <summary>Drops the browser's chart and the module reference; a circuit that is already gone took both with it.</summary>
    public static async ValueTask DisposeAsync(IJSObjectReference? module, ElementReference element)
    {
        if (module is null)
        {
            return;
        }
        try
        {
            await module.InvokeVoidAsync("dispose", element);
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // circuit gone: the browser already dropped the chart
        }
    }
}
