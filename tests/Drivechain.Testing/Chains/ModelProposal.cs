using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Testing.Chains;

/// <summary>A pending sidechain proposal in the generator's model (Hash = sha256d(Description), internal order).</summary>
public sealed record ModelProposal(byte Slot, ImmutableArray<byte> Description, UInt256 Hash, int Acks, int ProposalHeight);
