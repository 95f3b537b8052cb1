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

    /// <summary>Runs <paramref name="body"/> holding the node lock; before the chain has loaded, Core's RPC_IN_WARMUP.</summary>
    public async ValueTask<JsonNode?> LockedAsync(Func<JsonNode?> body, CancellationToken cancellationToken)
    {
        if (!Node.IsLoaded) throw new RpcException(RpcErrorCode.InWarmup, "Loading block index...");
        await Node.Lock.WaitAsync(cancellationToken);
        try
        {
            Mempool.EnsureSubscribed();
            return body();
        }
        finally
        {
            Node.Lock.Release();
        }
    }
}
