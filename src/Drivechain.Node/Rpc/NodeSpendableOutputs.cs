using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Rpc;

/// <summary>Unspent outputs of the tip plus outputs of pool transactions, as Core's mempool coin view (an output a pool
/// transaction spends is still offered, so replacements can be signed).
/// Takes the chain lock itself.</summary>
public sealed class NodeSpendableOutputs(NodeChain node, NodeMempool mempool) : ISpendableOutputs
{
    public TxOut? Find(OutPoint outPoint)
    {
        if (!node.IsLoaded) return null;
        using (node.EnterLock())
        {
            if (node.Chain.TryGetCoin(outPoint, out var coin)) return coin.Output;
            return mempool.Pool.TryGetOutput(outPoint, out var output) ? output : null;
        }
    }
}
