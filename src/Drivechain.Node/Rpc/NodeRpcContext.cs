using System.Text.Json.Nodes;
using Drivechain.Node.Chain;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;
using Drivechain.Node.Mining;

namespace Drivechain.Node.Rpc;

/// <summary>What chain, mempool and mining RPCs share: the chain under its lock, the mempool, the miner.</summary>
public sealed class NodeRpcContext(NodeChain node, NodeMempool mempool, BlockMiner miner, BlockAssembler assembler, MinerPolicy policy)
{
    public NodeChain Node { get; } = node;
    public NodeMempool Mempool { get; } = mempool;
    public BlockMiner Miner { get; } = miner;
    public BlockAssembler Assembler { get; } = assembler;
    public MinerPolicy Policy { get; } = policy;

    public ChainManager Chain => Node.Chain;

    /// <summary>Runs <paramref name="body"/> holding the chain lock, the mempool and miner caught up with the tip; before the chain has loaded, Core's RPC_IN_WARMUP.</summary>
    public ValueTask<JsonNode?> LockedAsync(Func<JsonNode?> body, CancellationToken cancellationToken)
    {
        if (!Node.IsLoaded) throw new RpcException(RpcErrorCode.InWarmup, "Loading block index...");
        cancellationToken.ThrowIfCancellationRequested();
        using (Node.EnterLock())
        {
            Miner.FollowTip();
            return ValueTask.FromResult(body());
        }
    }
}
