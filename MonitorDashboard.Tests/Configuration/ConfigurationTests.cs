using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Tests.Configuration;

public sealed class ConfigurationTests
{
    /// <summary>Sections the framework reads, not our options classes.</summary>
    private static readonly HashSet<string> FrameworkSections = ["Logging", "AllowedHosts", "ConnectionStrings"];

    private static readonly Dictionary<string, Type> OptionsBySection = typeof(ISectionOptions).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(ISectionOptions).IsAssignableFrom(t))
        .ToDictionary(t => (string)t.GetProperty(nameof(ISectionOptions.Section), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
            StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task App_NoAppSettings_StartsOnCodeDefaults()
    {
        await using var app = new CodeDefaultsFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(app.Services.GetRequiredService<IConfiguration>()["Review:Comparisons:voice-search:Mode"]);
    }

    [Fact]
    public void SampleSettings_EveryKey_BindsToAnOptionsProperty()
    {
        var sample = JsonNode.Parse(File.ReadAllText(FindInRepository("appsettings.sample.json")))!.AsObject();
        var stale = new List<string>();

        foreach (var (section, node) in sample)
        {
            if (FrameworkSections.Contains(section))
            {
                continue;
            }
            if (!OptionsBySection.TryGetValue(section, out var type))
            {
                stale.Add(section);
                continue;
            }
            CollectUnbound(node, type, section, stale);
        }

        Assert.Empty(stale);
    }

    [Fact]
    public void SampleSettings_EveryOptionsSection_IsDocumented()
    {
        var sample = JsonNode.Parse(File.ReadAllText(FindInRepository("appsettings.sample.json")))!.AsObject();

        var undocumented = OptionsBySection.Keys.Where(section => !sample.ContainsKey(section)).ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void AppSettings_OnlyOverrides_NeverRepeatsASection()
    {
        var appSettings = JsonNode.Parse(File.ReadAllText(FindInRepository(Path.Combine("MonitorDashboard", "appsettings.json"))))!.AsObject();

        // Review stays: the demo's per-model comparison differs from the code default (none).
        Assert.Equal(["AllowedHosts", "Logging", "Review"], appSettings.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    private static void CollectUnbound(JsonNode? node, Type type, string path, List<string> unbound)
    {
        if (node is not JsonObject obj || type == typeof(string) || !type.IsClass)
        {
            return;
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            foreach (var (key, child) in obj)
            {
                CollectUnbound(child, valueType, $"{path}:{key}", unbound);
            }
            return;
        }
        foreach (var (key, child) in obj)
        {
            var property = type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                unbound.Add($"{path}:{key}");
                continue;
            }
            CollectUnbound(child, property.PropertyType, $"{path}:{key}", unbound);
        }
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    private static string FindInRepository(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relativePath);
            if (File.Exists(candidate) && File.Exists(Path.Combine(folder.FullName, "MonitorDashboard.sln")))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
