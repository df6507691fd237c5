namespace MonitorDashboard.Configuration;

/// <summary>An options class bound from one configuration section; the name is said once, on the class.</summary>
public interface ISectionOptions
{
    static abstract string Section { get; }
}
