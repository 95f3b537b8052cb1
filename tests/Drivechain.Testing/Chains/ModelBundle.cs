using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Testing.Chains;

/// <summary>A pending withdrawal bundle in the generator's model; <see cref="Spec"/> is set for bundles the generator can pay.</summary>
public sealed record ModelBundle(UInt256 M6Id, int Acks, int ProposalHeight, WithdrawalBundle? Spec);
