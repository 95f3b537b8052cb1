using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Wallet.Ledger;

/// <summary>
/// A transaction that pays to or spends from the wallet. Confirmed while <see cref="BlockHash"/> is set (it is in the
/// active chain at <see cref="Height"/>); a disconnected block turns its transactions back into unconfirmed ones.
/// </summary>
public sealed class WalletTx(Transaction transaction, long timeReceived)
{
    public Transaction Transaction { get; } = transaction;
    public UInt256 TxId => Transaction.TxId;
    public long TimeReceived { get; } = timeReceived;
    public UInt256? BlockHash { get; internal set; }
    public int Height { get; internal set; } = -1;
    public uint BlockTime { get; internal set; }
    public int BlockIndex { get; internal set; } = -1;
    public bool IsConfirmed => BlockHash is not null;
    public bool IsCoinbase => Transaction.IsCoinbase;

    /// <summary>Set by the wallet that created it (so its unconfirmed change is trusted, as Core's IsFromMe).</summary>
    public bool FromMe { get; internal set; }
}
