using Drivechain.Bitcoin.Primitives;
using Drivechain.Wallet.Ledger;

namespace Drivechain.Wallet.Spending;

/// <summary>An unsigned transaction with the outputs its inputs spend (in input order), its fee and change position (−1: none).</summary>
public sealed record PlannedTransaction(Transaction Unsigned, IReadOnlyList<TxOut> Spent, IReadOnlyList<WalletCoin> WalletCoins,
    long Fee, int ChangeIndex, SelectionAlgorithm Algorithm);
