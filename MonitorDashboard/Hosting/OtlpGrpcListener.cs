using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MonitorDashboard.Configuration;

namespace MonitorDashboard.Hosting;

/// <summary>
/// Adds the OTLP/gRPC port (<see cref="OtlpOptions.GrpcPort"/>) beside the app's own URLs without replacing them.
/// Calling Kestrel's <c>Listen</c> in code would make Kestrel ignore <c>--urls</c>, <c>ASPNETCORE_URLS</c> and
/// launchSettings; instead the gRPC address joins the configured URLs (or the configured <c>Kestrel:Endpoints</c>),
/// and only the endpoint on that port is switched to HTTP/2 alone, which cleartext gRPC needs.
/// </summary>
public static class OtlpGrpcListener
{
    private const string EndpointsSection = "Kestrel:Endpoints";

    public static IWebHostBuilder AddOtlpGrpcPort(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        var port = configuration.GetValue(OtlpOptions.Section + ":" + nameof(OtlpOptions.GrpcPort), new OtlpOptions().GrpcPort);
        if (port <= 0)
        {
            return webHost;
        }
        if (configuration.GetSection(EndpointsSection).GetChildren().Any())
        {
            webHost.UseSetting($"{EndpointsSection}:OtlpGrpc:Url", string.Create(CultureInfo.InvariantCulture, $"http://*:{port}"));
            webHost.UseSetting($"{EndpointsSection}:OtlpGrpc:Protocols", nameof(HttpProtocols.Http2));
            return webHost;
        }
        var urls = MainUrls(configuration);
        webHost.UseUrls([.. urls, string.Create(CultureInfo.InvariantCulture, $"http://{HostOf(urls[0])}:{port}")]);
        webHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
        {
            if (endpoint.IPEndPoint?.Port == port)
            {
                endpoint.Protocols = HttpProtocols.Http2;
            }
        }));
        return webHost;
    }

    /// <summary>The URLs the app would listen on without us, read the way the host reads them (urls, else http(s)_ports, else the default).</summary>
    public static string[] MainUrls(IConfiguration configuration)
    {
        static string[] Split(string? list) => (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey]);
        if (urls.Length > 0)
        {
            return urls;
        }
        string[] ports = [.. Split(configuration[WebHostDefaults.HttpPortsKey]).Select(p => $"http://*:{p}"),
            .. Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => $"https://*:{p}")];
        return ports.Length > 0 ? ports : ["http://localhost:5000"];
    }

    /// <summary>The host part of a URL as Kestrel reads it (<c>*</c> and <c>+</c> included), so gRPC listens where the app does.</summary>
    private static string HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = url.StartsWith('[') ? url.IndexOf(']', start) + 1 : url.IndexOf(':', start);
        return end > start ? url[start..end] : "localhost";
    }
}
