using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Wallet.Ledger;

/// <summary>An unspent wallet output with what coin selection and listunspent need.</summary>
public sealed record WalletCoin(OutPoint OutPoint, TxOut Output, KeyOrigin Origin, WalletTx Tx, int Confirmations)
{
    public long Satoshis => Output.Value.Satoshis;
}
