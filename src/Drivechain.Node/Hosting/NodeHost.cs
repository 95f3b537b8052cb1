using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Drivechain.Node.Hosting;

/// <summary>Creates the node's generic host (<c>Host.CreateApplicationBuilder</c>) with every node service registered.</summary>
public static class NodeHost
{
    /// <param name="configuration">From <see cref="NodeConfiguration.Build"/>.</param>
    /// <param name="loggerProvider">The logging provider (Serilog in the CLI); null keeps no providers (tests add their own).</param>
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration, ILoggerProvider? loggerProvider = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        if (loggerProvider is not null) builder.Logging.AddProvider(loggerProvider);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(30);
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        builder.Services.AddDrivechainNode(builder.Configuration);
        return builder;
    }
}
