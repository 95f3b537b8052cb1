namespace Drivechain.Bitcoin.Networks;

/// <summary>The header facts the difficulty rules read: a block's height, timestamp and compact target.</summary>
public readonly record struct PowHeader(int Height, uint Time, uint Bits);
