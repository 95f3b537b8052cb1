using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.Vectors;

/// <summary>A CTIP: treasury outpoint and value in satoshis.</summary>
/// <param name="TxId">The treasury output's transaction.</param>
/// <param name="Vout">The treasury output's index.</param>
/// <param name="Value">The treasury value in satoshis.</param>
public sealed record CtipView(UInt256 TxId, uint Vout, long Value);
