using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.Vectors;

/// <summary>A pending withdrawal bundle.</summary>
/// <param name="Slot">The sidechain slot.</param>
/// <param name="M6Id">The bundle's M6ID.</param>
/// <param name="Acks">The ACK count.</param>
/// <param name="ProposalHeight">The height the bundle was proposed at.</param>
public sealed record BundleView(int Slot, UInt256 M6Id, int Acks, int ProposalHeight);
