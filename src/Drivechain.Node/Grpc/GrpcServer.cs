using Drivechain.Bitcoin.Crypto;
using Drivechain.Node.Grpc.Protos.Crypto.V1;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
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
public sealed partial class GrpcServer(IOptions<NodeOptions> options, GrpcNode grpc, Wallet.WalletManager wallets, Mempool.FeeEstimation.WalletFeeRate walletFee, ISecp256k1 secp,
    ILoggerFactory loggerFactory, ILogger<GrpcServer> log) : IHostedService, IAsyncDisposable
{
    /// <summary>Largest request accepted (spec §1); larger ones get RESOURCE_EXHAUSTED.</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

    private WebApplication? _app;

    /// <summary>Where the API listens once started (null when it is off).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Fully qualified names of the services served (health answers SERVING for these, NOT_FOUND for others).</summary>
    public IReadOnlyList<string> ServedServices { get; private set; } = [];

    /// <summary>
    /// The services this node serves, each with its health name and its mapping. MiningService only on regtest and signet
    /// (spec §1).
    /// </summary>
    private List<(string Name, Action<WebApplication> Map)> Services(NodeOptions o)
    {
        List<(string, Action<WebApplication>)> services =
        [
            (ValidatorService.Descriptor.FullName, app => app.MapGrpcService<ValidatorGrpcService>()),
            (CryptoService.Descriptor.FullName, app => app.MapGrpcService<CryptoGrpcService>()),
            (BlockProducerService.Descriptor.FullName, app => app.MapGrpcService<BlockProducerGrpcService>()),
        ];
        if (o.ResolveChain() is ChainKind.Regtest or ChainKind.Signet)
            services.Add((MiningService.Descriptor.FullName, app => app.MapGrpcService<MiningGrpcService>()));
        services.Add((WalletService.Descriptor.FullName, app => app.MapGrpcService<WalletGrpcService>()));
        return services;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Grpc) return;
        var services = Services(o);
        _app = LocalWebApplication.Create(IPAddress.Parse(o.GrpcBind), o.EffectiveGrpcPort, loggerFactory, configure: builder =>
        {
            builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddSingleton(grpc);
            builder.Services.AddSingleton(grpc.Node);
            builder.Services.AddSingleton(wallets);
            builder.Services.AddSingleton(walletFee);
            builder.Services.AddSingleton(secp);
            builder.Services.AddGrpc(g =>
            {
                g.MaxReceiveMessageSize = MaxRequestBytes;
                g.EnableDetailedErrors = false;
            });
            builder.Services.AddGrpcReflection();
            builder.Services.AddGrpcHealthChecks(h =>
            {
                foreach (var (name, _) in services) h.Services.Map(name, _ => true);
            }).AddCheck("node", () => HealthCheckResult.Healthy());
        });
        foreach (var (_, map) in services) map(_app);
        _app.MapGrpcHealthChecksService();
        _app.MapGrpcReflectionService();
        await _app.StartAsync(cancellationToken);
        ServedServices = [.. services.Select(s => s.Name)];
        Address = LocalWebApplication.BoundAddress(_app);
        var names = string.Join(", ", ServedServices);
        LogListening(log, Address, names);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        var app = Interlocked.Exchange(ref _app, null);
        return app?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sidechain gRPC API listening on {Address} ({Services})")]
    private static partial void LogListening(ILogger logger, Uri address, string services);
}
