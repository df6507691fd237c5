namespace MonitorDashboard.Tests.Support;

/// <summary>
/// The app on real loopback ports the way it runs in production: its main URL from the <c>urls</c> setting (as
/// <c>--urls</c> or ASPNETCORE_URLS would give it) and the OTLP/gRPC port from <c>Otlp:GrpcPort</c>, both free ports,
/// with nothing bound in code by the test.
/// </summary>
public sealed class OtlpKestrelAppFactory : MonitorDashboardFactory
{
    private bool _started;

    public OtlpKestrelAppFactory()
    {
        MainPort = TestMachine.FreePort();
        GrpcPort = TestMachine.FreePort();
        Settings["urls"] = $"http://127.0.0.1:{MainPort}";
        Settings["Otlp:GrpcPort"] = GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        UseKestrel();
    }

    public int MainPort { get; }

    public int GrpcPort { get; }

    public Uri Address
    {
        get
        {
            if (!_started)
            {
                StartServer();
                _started = true;
            }
            return new Uri($"http://127.0.0.1:{MainPort}/");
        }
    }

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    public HttpClient CreateRealClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestAccounts.AdminKey);
        return client;
    }

}
