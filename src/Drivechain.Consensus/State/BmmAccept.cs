using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>A BMM accept of the tip block: slot → sidechain block commitment, from its M7s (spec §3.6).</summary>
/// <param name="Slot">The slot.</param>
/// <param name="SidechainBlockHash">The accepted commitment H.</param>
public readonly record struct BmmAccept(byte Slot, UInt256 SidechainBlockHash);
