using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus.State;

/// <summary>The identity of a pending bundle: its M6ID and the height of its M3 (its ACKs are kept apart).</summary>
/// <param name="M6Id">The bundle.</param>
/// <param name="ProposalHeight">Height of the M3.</param>
internal readonly record struct BundleKey(M6Id M6Id, int ProposalHeight);
