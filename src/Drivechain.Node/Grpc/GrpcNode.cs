using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mining;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Grpc;

/// <summary>
/// What the gRPC services use of the node (the API runs in its own web host, so it gets the node's singletons through
/// this one object): the chain, the miner and its policy, the block-event index, and the node's lifetime for Stop.
/// </summary>
public sealed class GrpcNode(IOptions<NodeOptions> options, NodeChain node, NodeReadiness readiness, IHostApplicationLifetime lifetime,
    MinerPolicy policy, BlockMiner miner, BlockEventIndex blockEvents)
{
    public NodeOptions Options => options.Value;
    public NodeChain Node => node;
    public NodeReadiness Readiness => readiness;
    public IHostApplicationLifetime Lifetime => lifetime;
    public MinerPolicy Policy => policy;
    public BlockMiner Miner => miner;
    public BlockEventIndex BlockEvents => blockEvents;

    /// <summary>The loaded chain; UNAVAILABLE while the node is still loading it.</summary>
    public ChainManager Chain =>
        node.IsLoaded ? node.Chain : throw new RpcException(new Status(StatusCode.Unavailable, "the node is still loading its chain; retry shortly"));

    /// <summary>Runs <paramref name="body"/> holding the node lock (the miner and its policy need it), as the RPCs do.</summary>
    public Task<T> LockedAsync<T>(Func<T> body, CancellationToken cancellationToken)
    {
        _ = Chain;
        cancellationToken.ThrowIfCancellationRequested();
        using (node.EnterLock())
        {
            miner.FollowTip();
            return Task.FromResult(body());
        }
    }

    /// <summary>Waits until the block-event index has recorded every published tip change; UNAVAILABLE when it failed.</summary>
    public async Task BlockEventsCaughtUpAsync(CancellationToken cancellationToken)
    {
        _ = Chain;
        try
        {
            await blockEvents.WaitCaughtUpAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the block-event index is not available: {e.Message}"));
        }
    }
}
