using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>An active sidechain (spec §3.2). Immutable; equality by value.</summary>
public sealed class Sidechain : IEquatable<Sidechain>
{
    /// <summary>Creates the record.</summary>
    public Sidechain(byte slot, ImmutableArray<byte> description, UInt256 descriptionHash, ushort acks, int proposalHeight, int activationHeight)
    {
        Slot = slot;
        Description = description.IsDefault ? [] : description;
        DescriptionHash = descriptionHash;
        Acks = acks;
        ProposalHeight = proposalHeight;
        ActivationHeight = activationHeight;
    }

    /// <summary>The slot.</summary>
    public byte Slot { get; }
    /// <summary>The description D.</summary>
    public ImmutableArray<byte> Description { get; }
    /// <summary>sha256d(D), internal order.</summary>
    public UInt256 DescriptionHash { get; }
    /// <summary>ACK count at activation.</summary>
    public ushort Acks { get; }
    /// <summary>Height of the M1.</summary>
    public int ProposalHeight { get; }
    /// <summary>Height of the block whose M2 activated it.</summary>
    public int ActivationHeight { get; }

    /// <inheritdoc />
    public bool Equals(Sidechain? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Slot == other.Slot && Acks == other.Acks && ProposalHeight == other.ProposalHeight &&
             ActivationHeight == other.ActivationHeight && DescriptionHash == other.DescriptionHash &&
             Description.AsSpan().SequenceEqual(other.Description.AsSpan())));
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Sidechain);
    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Slot, DescriptionHash, ActivationHeight);
}
