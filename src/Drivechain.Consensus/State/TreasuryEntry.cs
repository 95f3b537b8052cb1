using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>One CTIP ever created for a slot (spec §3.5).</summary>
/// <param name="Seq">0, 1, 2, … per slot.</param>
/// <param name="OutPoint">The treasury output.</param>
/// <param name="TotalValue">Its value.</param>
/// <param name="PreviousTotalValue">The value of the CTIP it replaced (0 for the first).</param>
public readonly record struct TreasuryEntry(int Seq, OutPoint OutPoint, Money TotalValue, Money PreviousTotalValue);
