using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Chain;

/// <summary>
/// The state at the tip: the UTXO set (a cache over the database) and the drivechain state, changed only by connecting
/// and disconnecting blocks. <see cref="ChainManager"/> owns it and calls it under its lock.
/// </summary>
internal sealed class ChainState(CoinsCache coins)
{
    /// <summary>The UTXO set at the tip.</summary>
    public CoinsCache Coins { get; } = coins;

    /// <summary>The drivechain state at the tip.</summary>
    public DrivechainState Drivechain { get; set; } = DrivechainState.Empty;

    /// <summary>A block connected: spend and create its coins, take its next drivechain state.</summary>
    public void Connect(CoinsDelta delta, DrivechainState next)
    {
        foreach (var entry in delta.Spent) Coins.Spend(entry.OutPoint);
        foreach (var entry in delta.Created) Coins.AddCreated(entry.OutPoint, entry.Coin);
        Drivechain = next;
    }

    /// <summary>A block disconnected: remove what it created (unspendable outputs never were), restore what it spent.</summary>
    public void Disconnect(Block block, BlockUndoRecord undo, DrivechainState previous)
    {
        foreach (var tx in block.Transactions)
            for (int i = 0; i < tx.Outputs.Length; i++)
                if (!tx.Outputs[i].ScriptPubKey.IsUnspendable) Coins.Spend(new OutPoint(tx.TxId, (uint)i));
        for (int i = undo.Spent.Length - 1; i >= 0; i--) Coins.Add(undo.Spent[i].OutPoint, undo.Spent[i].Coin);
        Drivechain = previous;
    }
}
