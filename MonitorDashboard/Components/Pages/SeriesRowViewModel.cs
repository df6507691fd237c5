using MonitorDashboard.Storage;

namespace MonitorDashboard.Components.Pages;

/// <summary>One line of the overview's series table; updated in place as live points arrive.</summary>
public sealed class SeriesRowViewModel(SeriesSelector series)
{
    public SeriesSelector Series { get; } = series;
    public string Model => Series.Model ?? "";
    public string Stage => Series.Stage ?? "";
    public string Version => Series.Version ?? "";
    public string Kind => Series.Kind ?? "";
    public string Name => Series.Name ?? "";
    public double? LastValue { get; set; }
    public DateTimeOffset? LastTs { get; set; }

    /// <summary>What the table's filter box searches.</summary>
    public string SearchText => string.Join(' ', Model, Stage, Version, Kind, Name);
}
