using Drivechain.Bitcoin.Crypto;
using Drivechain.Node.ChainView;
using Drivechain.Node.Grpc.Protos.Mainchain.V1;
using Drivechain.Node.Grpc.Services;
using Drivechain.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Net;

namespace Drivechain.Node.Grpc;

/// <summary>
/// The node's sidechain gRPC API (docs/sidechain-api.md) on <c>grpcbind:grpcport</c> (default 127.0.0.1:50051), hosted by
/// <see cref="GrpcApiHost"/> over the node's <see cref="IChainView"/>.
/// </summary>
public sealed partial class GrpcServer(IOptions<NodeOptions> options, GrpcNode grpc, IChainView chain, Wallet.WalletManager wallets, Mempool.FeeEstimation.WalletFeeRate walletFee, ISecp256k1 secp,
    ILoggerFactory loggerFactory, ILogger<GrpcServer> log) : IHostedService, IAsyncDisposable
{
    /// <summary>Largest request accepted (spec §1); larger ones get RESOURCE_EXHAUSTED.</summary>
    public const int MaxRequestBytes = GrpcApiHost.MaxRequestBytes;

    private WebApplication? _app;

    /// <summary>Where the API listens once started (null when it is off).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Fully qualified names of the services served (health answers SERVING for these, NOT_FOUND for others).</summary>
    public IReadOnlyList<string> ServedServices { get; private set; } = [];

    /// <summary>
    /// The services this node serves, each with its health name and its mapping. MiningService only on regtest and signet,
    /// WalletService only without --disablewallet (spec §1).
    /// </summary>
    private List<(string Name, Action<WebApplication> Map)> Services(NodeOptions o)
    {
        List<(string, Action<WebApplication>)> services =
        [
            .. GrpcApiHost.ChainViewServices(),
            (BlockProducerService.Descriptor.FullName, app => app.MapGrpcService<BlockProducerGrpcService>()),
        ];
        if (o.ResolveChain() is ChainKind.Regtest or ChainKind.Signet)
            services.Add((MiningService.Descriptor.FullName, app => app.MapGrpcService<MiningGrpcService>()));
        if (wallets.Enabled)   // not with --disablewallet: health answers NOT_FOUND, calls UNIMPLEMENTED
            services.Add((WalletService.Descriptor.FullName, app => app.MapGrpcService<WalletGrpcService>()));
        return services;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Grpc) return;
        var services = Services(o);
        _app = await GrpcApiHost.StartAsync(IPAddress.Parse(o.GrpcBind), o.EffectiveGrpcPort, loggerFactory, chain, secp,
            new GrpcStopControl(grpc.Lifetime, grpc.Readiness), services, [], s =>
            {
                s.AddSingleton(grpc);
                s.AddSingleton(grpc.Node);
                s.AddSingleton(wallets);
                s.AddSingleton(walletFee);
            }, cancellationToken);
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
