using System.Collections.Immutable;

namespace Drivechain.Testing.Chains;

/// <summary>
/// The generator's coins after a block: coinbase outputs (oldest first, spendable after maturity) and other
/// outputs (first in, first out). Immutable, shared between blocks.
/// </summary>
public sealed record Wallet(ImmutableQueue<WalletCoin> CoinbaseCoins, ImmutableQueue<WalletCoin> Coins)
{
    /// <summary>No coins.</summary>
    public static Wallet Empty { get; } = new(ImmutableQueue<WalletCoin>.Empty, ImmutableQueue<WalletCoin>.Empty);
}
