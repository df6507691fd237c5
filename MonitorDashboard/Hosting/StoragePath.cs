namespace MonitorDashboard.Hosting;

/// <summary>Resolves <c>Storage:Path</c>: relative paths are taken from the content root (the project folder under <c>dotnet run</c>).</summary>
public static class StoragePath
{
    public static string Resolve(string configured, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
}
