using System.Net;
using System.Net.Sockets;
using Drivechain.Node.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>A Kestrel application of the node (RPC, dashboard) on one address and port, logging through the node's loggers.</summary>
public static class LocalWebApplication
{
    /// <summary>A slim web application listening on <paramref name="address"/>:<paramref name="port"/> (0 = any free port).</summary>
    /// <param name="address">Where to listen.</param>
    /// <param name="port">The port (0 = any free port).</param>
    /// <param name="loggerFactory">The node's loggers.</param>
    /// <param name="limits">Kestrel limits to apply (connection count, body size, timeouts); null keeps Kestrel's.</param>
    /// <param name="configure">Further set-up of the builder (services, Kestrel protocols) before it is built.</param>
    public static WebApplication Create(IPAddress address, int port, ILoggerFactory loggerFactory,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits>? limits = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        // The content root is the program's directory, not the working directory, and nothing is reloaded on change: by default
        // the builder watches the working directory recursively for appsettings.json, and when the data directory lies under
        // it every block and database write woke a file-watcher thread (a third of the CPU of a -loadblock import).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        builder.WebHost.UseUrls($"http://{host}:{port}");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            limits?.Invoke(k.Limits);
        });
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>The address a started application listens on (the real port when 0 was asked for).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
