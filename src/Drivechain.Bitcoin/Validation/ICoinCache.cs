using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>A mutable coin set that a <see cref="CoinsDelta"/> can be applied to or reverted from.</summary>
public interface ICoinCache : ICoinView
{
    /// <summary>Adds (or, for the two historical BIP30 exceptions, overwrites) the coin at <paramref name="outPoint"/>.</summary>
    void AddCoin(in OutPoint outPoint, Coin coin);

    /// <summary>Removes the coin at <paramref name="outPoint"/>; false when there was none.</summary>
    bool SpendCoin(in OutPoint outPoint, out Coin coin);
}
