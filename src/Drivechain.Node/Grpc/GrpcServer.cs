using Drivechain.Node.Grpc.Services;
using Drivechain.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Net;

namespace Drivechain.Node.Grpc;

/// <summary>
/// The sidechain gRPC API (docs/sidechain-api.md): Kestrel with HTTP/2 without TLS on <c>grpcbind:grpcport</c>
/// (default 127.0.0.1:50051), gRPC health per served service name, server reflection, 4 MiB request limit.
/// </summary>
public sealed partial class GrpcServer(IOptions<NodeOptions> options, NodeChain node, ILoggerFactory loggerFactory,
    ILogger<GrpcServer> log) : IHostedService, IAsyncDisposable
{
    /// <summary>Largest request accepted (spec §1); larger ones get RESOURCE_EXHAUSTED.</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

    /// <summary>Fully qualified names of the services served (answered SERVING by health).</summary>
    public static readonly string[] ServedServices = ["cusf.mainchain.v1.ValidatorService"];

    private WebApplication? _app;

    /// <summary>Where the API listens once started (null when it is off).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Grpc) return;
        _app = LocalWebApplication.Create(IPAddress.Parse(o.GrpcBind), o.EffectiveGrpcPort, loggerFactory, configure: builder =>
        {
            builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddSingleton(node);
            builder.Services.AddGrpc(g =>
            {
                g.MaxReceiveMessageSize = MaxRequestBytes;
                g.EnableDetailedErrors = false;
            });
            builder.Services.AddGrpcReflection();
            builder.Services.AddGrpcHealthChecks(h =>
            {
                foreach (var name in ServedServices) h.Services.Map(name, _ => true);
            }).AddCheck("node", () => HealthCheckResult.Healthy());
        });
        _app.MapGrpcService<ValidatorGrpcService>();
        _app.MapGrpcService<WalletGrpcService>();
        _app.MapGrpcHealthChecksService();
        _app.MapGrpcReflectionService();
        await _app.StartAsync(cancellationToken);
        Address = LocalWebApplication.BoundAddress(_app);
        LogListening(log, Address);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        var app = Interlocked.Exchange(ref _app, null);
        return app?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidechain gRPC API listening on {Address}")]
    private static partial void LogListening(ILogger logger, Uri address);
}
