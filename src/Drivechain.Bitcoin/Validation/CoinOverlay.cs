using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// The coin view inside a block being connected: the base view plus the outputs of the block's earlier transactions,
/// minus what they spent. It records the delta as it goes.
/// </summary>
internal sealed class CoinOverlay(ICoinView baseView)
{
    private readonly Dictionary<OutPoint, Coin> _created = [];
    private readonly HashSet<OutPoint> _spentFromBase = [];
    private readonly List<CoinEntry> _spent = [];
    private readonly List<OutPoint> _createdOrder = [];

    public bool TryGetCoin(in OutPoint outPoint, out Coin coin)
    {
        if (_created.TryGetValue(outPoint, out coin)) return true;
        if (_spentFromBase.Contains(outPoint))
        {
            coin = default;
            return false;
        }
        return baseView.TryGetCoin(outPoint, out coin);
    }

    /// <summary>True when a coin exists at the outpoint (Core's HaveCoin, for BIP30).</summary>
    public bool HaveCoin(in OutPoint outPoint) => TryGetCoin(outPoint, out _);

    /// <summary>Spends a coin known to exist.</summary>
    public void Spend(in OutPoint outPoint, in Coin coin)
    {
        // A coin created and spent inside the block is in neither list; it also hides any base coin it had
        // overwritten (possible only in the two historical BIP30 exception blocks).
        bool createdHere = _created.Remove(outPoint);
        _spentFromBase.Add(outPoint);
        if (createdHere) return;
        _spent.Add(new CoinEntry(outPoint, coin));
    }

    /// <summary>Adds a transaction's spendable outputs (Core's AddCoins with possible overwrite).</summary>
    public void AddOutputs(Transaction tx, int height)
    {
        bool coinbase = tx.IsCoinbase;
        var outputs = tx.Outputs;
        for (int i = 0; i < outputs.Length; i++)
        {
            if (outputs[i].ScriptPubKey.IsUnspendable) continue;
            var outPoint = new OutPoint(tx.TxId, (uint)i);
            if (_created.TryAdd(outPoint, new Coin(outputs[i], height, coinbase))) _createdOrder.Add(outPoint);
            else _created[outPoint] = new Coin(outputs[i], height, coinbase);
        }
    }

    public CoinsDelta ToDelta()
    {
        var created = new List<CoinEntry>(_created.Count);
        foreach (var outPoint in _createdOrder)
            if (_created.TryGetValue(outPoint, out var coin)) created.Add(new CoinEntry(outPoint, coin));
        return new CoinsDelta([.. _spent], [.. created]);
    }
}
