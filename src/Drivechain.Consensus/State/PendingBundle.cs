using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus.State;

/// <summary>A pending withdrawal bundle of a slot (spec §3.3).</summary>
/// <param name="M6Id">The bundle's blinded txid.</param>
/// <param name="Acks">ACK count (starts at 1).</param>
/// <param name="ProposalHeight">Height of the M3.</param>
public readonly record struct PendingBundle(M6Id M6Id, ushort Acks, int ProposalHeight);
