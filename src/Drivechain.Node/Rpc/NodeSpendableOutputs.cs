using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Rpc;

/// <summary>Unspent outputs of the tip plus outputs of pool transactions, as Core's mempool coin view (an output a pool
/// transaction spends is still offered, so replacements can be signed).
/// Takes <see cref="NodeChain.Lock"/> itself: callers must not hold it.</summary>
public sealed class NodeSpendableOutputs(NodeChain node, NodeMempool mempool) : ISpendableOutputs
{
    public TxOut? Find(OutPoint outPoint)
    {
        if (!node.IsLoaded) return null;
        node.Lock.Wait();
        try
        {
            if (node.Chain.TryGetCoin(outPoint, out var coin)) return coin.Output;
            return mempool.Pool.TryGetOutput(outPoint, out var output) ? output : null;
        }
        finally
        {
            node.Lock.Release();
        }
    }
}
