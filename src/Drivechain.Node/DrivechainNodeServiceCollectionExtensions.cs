using Drivechain.Bitcoin.Crypto;
using Drivechain.Node.Dashboard;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;
using Drivechain.Node.Mining;
using Drivechain.Node.P2P;
using Drivechain.Node.Rpc;
using Drivechain.Node.Rpc.Methods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Drivechain.Node;

/// <summary>Registers the node: options (validated at start), chain, mempool, miner, P2P, RPC server and methods.</summary>
public static class DrivechainNodeServiceCollectionExtensions
{
    public static IServiceCollection AddDrivechainNode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NodeOptions>().Bind(configuration).AddNodeOptionsValidation();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NodeReadiness>();
        services.AddSingleton<NodeFatalError>();
        services.AddSingleton<NodeChain>();
        services.AddSingleton<NodeMempool>();
        services.AddSingleton<MinerPolicy>();
        services.AddSingleton<BlockAssembler>();
        services.AddSingleton<BlockMiner>();
        services.AddSingleton<NodeRpcContext>();
        services.AddSingleton(sp => NodeNetworks.For(sp.GetRequiredService<IOptions<NodeOptions>>().Value.ResolveChain()));

        services.TryAddSingleton<ISecp256k1>(_ => Secp256k1Provider.CreateDefault());
        services.TryAddSingleton<ISpendableOutputs, NodeSpendableOutputs>();
        services.AddSingleton<RpcAuthenticator>();
        services.AddSingleton<RpcServerInfo>();
        services.AddSingleton<RpcMethodTable>();
        services.AddSingleton<RpcDispatcher>();
        services.AddSingleton<IRpcMethodProvider, ControlRpcMethods>();
        services.AddSingleton<IRpcMethodProvider, RawTransactionRpcMethods>();
        services.AddSingleton<IRpcMethodProvider, BlockchainRpcMethods>();
        services.AddSingleton<IRpcMethodProvider, MempoolRpcMethods>();
        services.AddSingleton<IRpcMethodProvider, MiningRpcMethods>();
        services.AddSingleton<IRpcMethodProvider, DrivechainRpcMethods>();
        services.AddSingleton<IRpcMethodProvider, NetworkRpcMethods>();
        services.AddSingleton<Wallet.WalletManager>();
        services.AddHostedService(sp => sp.GetRequiredService<Wallet.WalletManager>());
        services.AddSingleton<IRpcMethodProvider, WalletRpcMethods>();
        services.AddSingleton<IRpcMethodProvider, UtxoSetRpcMethods>();
        services.AddSingleton<Mempool.FeeEstimation.FeeEstimatorService>();
        services.AddHostedService(sp => sp.GetRequiredService<Mempool.FeeEstimation.FeeEstimatorService>());
        services.AddSingleton<Mempool.FeeEstimation.WalletFeeRate>();
        services.AddSingleton<IRpcMethodProvider, FeeRpcMethods>();
        services.AddSingleton<PeerManager>();

        services.AddHostedService<DataDirectoryLockService>();   // first: before anything writes to the data directory
        services.AddHostedService<NodeStartupService>();
        services.AddHostedService<DrivechainActivityLog>();
        services.AddHostedService<MempoolTipFollower>();
        services.AddHostedService<StopAtHeightService>();
        services.AddHostedService<RpcHttpServer>();
        services.AddSingleton<Grpc.BlockEventIndex>();
        services.AddHostedService(sp => sp.GetRequiredService<Grpc.BlockEventIndex>());
        services.AddSingleton<Grpc.GrpcNode>();
        services.AddSingleton<ChainView.IChainView, ChainView.NodeChainView>();
        services.AddSingleton<Grpc.GrpcServer>();
        services.AddHostedService(sp => sp.GetRequiredService<Grpc.GrpcServer>());
        services.AddHostedService(sp => sp.GetRequiredService<PeerManager>());
        AddDashboard(services);
        return services;
    }

    /// <summary>The web dashboard (docs/dashboard.md); its server starts only when <see cref="NodeOptions.DashboardEnabled"/>.</summary>
    private static void AddDashboard(IServiceCollection services)
    {
        services.AddSingleton<DashboardRpc>();
        services.AddSingleton<DashboardEvents>();
        services.AddSingleton<DashboardAssets>();
        services.AddSingleton<DashboardHistory>();
        services.AddSingleton<DashboardApi>();
        services.AddSingleton<DashboardServer>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardServer>());
        services.AddHostedService(sp => sp.GetRequiredService<DashboardHistory>());
    }
}
