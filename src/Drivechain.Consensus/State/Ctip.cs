using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>The critical treasury input of a slot: its current treasury UTXO (spec §3.4).</summary>
/// <param name="OutPoint">The treasury output.</param>
/// <param name="Value">Its value.</param>
public readonly record struct Ctip(OutPoint OutPoint, Money Value);
