using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mining;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Drivechain.Node.Grpc;

/// <summary>
/// What the gRPC services use of the node (the API runs in its own web host, so it gets the node's singletons through
/// this one object): the chain, the miner and its policy, and the node's lifetime for Stop. The read-only chain queries go
/// through <see cref="ChainView.IChainView"/> instead (the sidecar serves those too).
/// </summary>
public sealed class GrpcNode(IOptions<NodeOptions> options, NodeChain node, NodeReadiness readiness, IHostApplicationLifetime lifetime,
    MinerPolicy policy, BlockMiner miner)
{
    public NodeOptions Options => options.Value;
    public NodeChain Node => node;
    public NodeReadiness Readiness => readiness;
    public IHostApplicationLifetime Lifetime => lifetime;
    public MinerPolicy Policy => policy;
    public BlockMiner Miner => miner;

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
}
