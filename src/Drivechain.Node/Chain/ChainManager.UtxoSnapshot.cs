using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Node.Chain;

public sealed partial class ChainManager
{
    /// <summary>
    /// Read-only walk over the whole UTXO set at the tip, in the coins database's order (txid bytes, then output index —
    /// Core's order for gettxoutsetinfo), holding the chain lock throughout (flushes first in disk mode).
    /// Returns the tip the coins belong to.
    /// </summary>
    public (UInt256 BestBlock, int Height) VisitUtxoSet(Action<CoinEntry> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        lock (_lock)
        {
            if (_store.Database is not { } database)
            {
                var inMemory = _state.Coins.EnumerateInMemory().Select(c => new CoinEntry(c.OutPoint, c.Coin)).ToList();
                inMemory.Sort((a, b) => CompareOutPoints(a.OutPoint, b.OutPoint));
                inMemory.ForEach(visit);
            }
            else
            {
                FlushCore(clearCache: false);
                foreach (var (outPoint, stored) in database.EnumerateCoins())
                    visit(new CoinEntry(outPoint, new Coin(stored.Output, stored.Height, stored.IsCoinbase)));
            }
            return (_tree.Tip!.Hash, _tree.Active.Height);
        }
    }
}
