using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MonitorDashboard.Tests.Support;

/// <summary>The app on a real loopback port, for the browser and anything that needs real sockets.</summary>
public class KestrelAppFactory : MonitorDashboardFactory
{
    private Uri? _address;

    public KestrelAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server on first use and returns its address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address
    {
        get
        {
            if (_address is null)
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
                _address = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
            }
            return _address;
        }
    }

    public HttpClient CreateRealClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestAccounts.AdminKey);
        return client;
    }
}
