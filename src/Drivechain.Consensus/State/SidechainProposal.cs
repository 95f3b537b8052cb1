using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>A pending sidechain proposal (spec §3.1). Immutable; equality by value.</summary>
public sealed class SidechainProposal : IEquatable<SidechainProposal>
{
    /// <summary>Creates a proposal; the description hash is computed once.</summary>
    public SidechainProposal(byte slot, ImmutableArray<byte> description, ushort acks, int proposalHeight)
        : this(slot, description, Hashes.Sha256d(description.AsSpan()), acks, proposalHeight) { }

    internal SidechainProposal(byte slot, ImmutableArray<byte> description, UInt256 descriptionHash, ushort acks, int proposalHeight)
    {
        Slot = slot;
        Description = description.IsDefault ? [] : description;
        DescriptionHash = descriptionHash;
        Acks = acks;
        ProposalHeight = proposalHeight;
    }

    /// <summary>The slot.</summary>
    public byte Slot { get; }
    /// <summary>The description D.</summary>
    public ImmutableArray<byte> Description { get; }
    /// <summary>sha256d(D), internal order.</summary>
    public UInt256 DescriptionHash { get; }
    /// <summary>ACK count.</summary>
    public ushort Acks { get; }
    /// <summary>Height of the block holding the M1.</summary>
    public int ProposalHeight { get; }

    /// <summary>A copy with another ACK count.</summary>
    public SidechainProposal WithAcks(ushort acks) => new(Slot, Description, DescriptionHash, acks, ProposalHeight);

    /// <inheritdoc />
    public bool Equals(SidechainProposal? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Slot == other.Slot && Acks == other.Acks && ProposalHeight == other.ProposalHeight &&
             DescriptionHash == other.DescriptionHash && Description.AsSpan().SequenceEqual(other.Description.AsSpan())));
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SidechainProposal);
    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Slot, DescriptionHash, Acks, ProposalHeight);
}
