namespace Drivechain.Bitcoin.Validation;

/// <summary>A coin together with the outpoint it sits at.</summary>
/// <param name="OutPoint">Where the coin is.</param>
/// <param name="Coin">The coin.</param>
public readonly record struct CoinEntry(Primitives.OutPoint OutPoint, Coin Coin);
