using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>An unspent transaction output with the facts validation needs about it (Core's Coin).</summary>
/// <param name="Output">The output.</param>
/// <param name="Height">Height of the block that created it.</param>
/// <param name="IsCoinbase">True when a coinbase created it (it must mature before it is spent).</param>
public readonly record struct Coin(TxOut Output, int Height, bool IsCoinbase);
