using MonitorDashboard.Tests.Process;
using MonitorDashboard.Tests.Support;

namespace MonitorDashboard.Tests.ScaleOut;

/// <summary>
/// Two app processes, A and B, each on its own port, sharing one PostgreSQL database and one Redis as instances behind
/// a load balancer do. A starts first: it creates the schema and the bootstrap accounts. Each process gets a SQLite path
/// of its own, so anything an instance kept in a local file instead of the shared database would show up as a difference.
/// </summary>
public sealed class InstancePair : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder;

    private InstancePair(DirectoryInfo folder, AppProcess a, AppProcess b)
    {
        (_folder, A, B) = (folder, a, b);
    }

    public AppProcess A { get; }

    public AppProcess B { get; }

    public IReadOnlyList<AppProcess> Both => [A, B];

    /// <summary>Both apps' last lines, for failure messages.</summary>
    public string RecentOutput => $"A:{Environment.NewLine}{A.RecentOutput}{Environment.NewLine}B:{Environment.NewLine}{B.RecentOutput}";

    public static async Task<InstancePair> StartAsync(string postgres, string redis, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("monitor-two-instances-");
        var appDirectory = AppProcess.FindAppDirectory(AppProcess.CurrentConfiguration());
        var apiKey = AppProcess.NewApiKey();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = postgres,
            ["Live__Backplane"] = "Redis",
            ["ConnectionStrings__Redis"] = redis,
            ["Auth__BootstrapAdminPassword"] = TestAccounts.AdminPassword,
            ["Alarms__EvaluationSeconds"] = "1",
            // The tests' webhook receivers listen on 127.0.0.1, which the webhook policy refuses by default.
            ["Webhooks__AllowLoopback"] = "true",
        };
        AppProcess? a = null;
        try
        {
            a = await AppProcess.StartAsync(appDirectory, Path.Combine(folder.FullName, "a.db"), apiKey, OnItsOwnMachine(settings, folder, "a"), StartTimeout, cancellationToken);
            var b = await AppProcess.StartAsync(appDirectory, Path.Combine(folder.FullName, "b.db"), apiKey, OnItsOwnMachine(settings, folder, "b"), StartTimeout, cancellationToken);
            return new InstancePair(folder, a, b);
        }
        catch
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// A home folder of its own, as on a machine of its own: without the shared key ring (Redis) each instance keeps its
    /// Data Protection keys under $HOME, and two processes of one user would share them there without it.
    /// </summary>
    private static Dictionary<string, string> OnItsOwnMachine(Dictionary<string, string> settings, DirectoryInfo folder, string name) =>
        new(settings) { ["HOME"] = folder.CreateSubdirectory(name + "-home").FullName };

    /// <summary>The instances whose log says they took the lease on <paramref name="work"/> (e.g. AlarmEvaluationService).</summary>
    public IReadOnlyList<AppProcess> Running(string work) => [.. Both.Where(app => app.HasWritten($"This instance now runs {work}"))];

    public AppProcess Other(AppProcess app) => app == A ? B : A;

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a dying process; the temp folder is cleaned by the OS
        }
    }
}
