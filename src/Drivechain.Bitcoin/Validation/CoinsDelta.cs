using System.Collections.Immutable;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// What connecting a block does to the coin set, which is also its undo data. <see cref="Spent"/> holds the coins the
/// block spends that existed before it, in spend order (transaction order, then input order), with everything needed
/// to restore them; <see cref="Created"/> holds the coins the block adds that are still unspent after it, in creation
/// order. A coin both created and spent inside the block appears in neither, and unspendable outputs (OP_RETURN,
/// scripts over 10,000 bytes) are never created, so connecting and disconnecting are plain set operations.
/// </summary>
public sealed partial class CoinsDelta
{
    /// <summary>An empty delta (the genesis block's).</summary>
    public static CoinsDelta Empty { get; } = new([], []);

    /// <summary>Creates a delta.</summary>
    public CoinsDelta(ImmutableArray<CoinEntry> spent, ImmutableArray<CoinEntry> created)
    {
        Spent = spent.IsDefault ? [] : spent;
        Created = created.IsDefault ? [] : created;
    }

    /// <summary>The coins spent (removed from the set), in spend order.</summary>
    public ImmutableArray<CoinEntry> Spent { get; }

    /// <summary>The coins created (added to the set), in creation order.</summary>
    public ImmutableArray<CoinEntry> Created { get; }

    /// <summary>
    /// Applies the delta (connects the block): removes <see cref="Spent"/>, adds <see cref="Created"/>. False when a
    /// spent coin was missing from <paramref name="coins"/> (it is then not the set the block was validated against);
    /// the delta is applied in full either way.
    /// </summary>
    public bool ApplyTo(ICoinCache coins)
    {
        ArgumentNullException.ThrowIfNull(coins);
        bool clean = true;
        foreach (var entry in Spent)
            if (!coins.SpendCoin(entry.OutPoint, out _)) clean = false;
        foreach (var entry in Created) coins.AddCoin(entry.OutPoint, entry.Coin);
        return clean;
    }
}
