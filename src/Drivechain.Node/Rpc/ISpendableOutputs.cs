using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Rpc;

/// <summary>Unspent outputs of the chain tip and the mempool, as signrawtransactionwithkey looks them up (Core's FindCoins).</summary>
public interface ISpendableOutputs
{
    TxOut? Find(OutPoint outPoint);
}
