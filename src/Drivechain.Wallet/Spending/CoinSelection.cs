using Drivechain.Wallet.Ledger;

namespace Drivechain.Wallet.Spending;

/// <summary>The coins chosen and the algorithm that chose them (Core's getwalletinfo-style "bnb" / "largest-first").</summary>
public sealed record CoinSelection(IReadOnlyList<WalletCoin> Coins, SelectionAlgorithm Algorithm);
