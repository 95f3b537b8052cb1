namespace Drivechain.Wallet.Ledger;

/// <summary>
/// Told every change of a <see cref="WalletLedger"/>'s transactions and tip, in order, so they can be written down
/// (<see cref="WalletTxStore"/>); replaying the calls in order rebuilds the ledger.
/// </summary>
public interface ILedgerJournal
{
    /// <summary>A transaction became known (or, already known, was marked as the wallet's own).</summary>
    void Added(WalletTx tx);

    /// <summary>A transaction was confirmed in a connected block.</summary>
    void Confirmed(WalletTx tx);

    /// <summary>A block was disconnected: its transactions are unconfirmed again and the tip is its parent.</summary>
    void Disconnected(Bitcoin.Primitives.UInt256 hash, int height, Bitcoin.Primitives.UInt256 parentHash);

    /// <summary>The ledger's tip moved to a connected block.</summary>
    void TipMoved(Bitcoin.Primitives.UInt256 hash, int height);

    /// <summary>Every confirmation was forgotten (before a rescan).</summary>
    void Cleared();
}
