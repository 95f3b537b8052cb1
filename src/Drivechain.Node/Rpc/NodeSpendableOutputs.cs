using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Rpc;

/// <summary>Unspent outputs of the tip and the mempool (outputs spent by pool transactions are not offered).
/// Takes <see cref="NodeChain.Lock"/> itself: callers must not hold it.</summary>
public sealed class NodeSpendableOutputs(NodeChain node, NodeMempool mempool) : ISpendableOutputs
{
    public TxOut? Find(OutPoint outPoint)
    {
        if (!node.IsLoaded) return null;
        node.Lock.Wait();
        try
        {
            if (mempool.Pool.SpenderOf(outPoint) is not null) return null;
            if (node.Chain.TryGetCoin(outPoint, out var coin)) return coin.Output;
            return mempool.Pool.TryGetOutput(outPoint, out var output) ? output : null;
        }
        finally
        {
            node.Lock.Release();
        }
    }
}
