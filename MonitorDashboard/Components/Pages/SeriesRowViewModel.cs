namespace MonitorDashboard.Components.Pages;

/// <summary>One line of the overview's series table; updated in place as live points arrive.</summary>
public sealed class SeriesRowViewModel(string model, string stage, string version, string kind, string name)
{
    public string Model { get; } = model;
    public string Stage { get; } = stage;
    public string Version { get; } = version;
    public string Kind { get; } = kind;
    public string Name { get; } = name;
    public double? LastValue { get; set; }
    public DateTimeOffset? LastTs { get; set; }

    public static string KeyOf(string model, string stage, string version, string kind, string name) =>
        string.Join('\u001f', model, stage, version, kind, name);

    public string Key => KeyOf(Model, Stage, Version, Kind, Name);
}
