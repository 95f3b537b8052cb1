using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// Read-only access to the unspent coins as of the parent of the block being connected (Core's CCoinsView).
/// Validation only reads it, from one thread.
/// </summary>
public interface ICoinView
{
    /// <summary>The unspent coin at <paramref name="outPoint"/>; false when there is none (never created or spent).</summary>
    bool TryGetCoin(in OutPoint outPoint, out Coin coin);
}
