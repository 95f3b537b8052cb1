using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.Vectors;

/// <summary>A pending sidechain proposal.</summary>
/// <param name="Slot">The proposed slot.</param>
/// <param name="DescriptionHash">The hash of the proposed description.</param>
/// <param name="Acks">The ACK count.</param>
/// <param name="ProposalHeight">The height the proposal was made at.</param>
public sealed record ProposalView(int Slot, UInt256 DescriptionHash, int Acks, int ProposalHeight);
