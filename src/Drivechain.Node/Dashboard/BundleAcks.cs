using Drivechain.Consensus.Messages;

namespace Drivechain.Node.Dashboard;

/// <summary>A pending withdrawal bundle's ACK count after a block.</summary>
public readonly record struct BundleAcks(byte Slot, M6Id M6Id, int Acks, int ProposalHeight);
