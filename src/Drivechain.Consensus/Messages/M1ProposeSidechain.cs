using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// BIP300 M1 — propose a sidechain: tag <c>d5e0c4af</c> ‖ slot ‖ description (opaque, any length).
/// Spec §2.1, §4.3.1.
/// </summary>
public sealed record M1ProposeSidechain : CoinbaseMessage
{
    /// <summary>The tag as a big-endian integer.</summary>
    public const uint TagValue = 0xd5e0c4af;

    /// <summary>Creates the message; the description hash is computed once.</summary>
    public M1ProposeSidechain(byte slot, ImmutableArray<byte> description)
    {
        Slot = slot;
        Description = description.IsDefault ? [] : description;
        DescriptionHash = Hashes.Sha256d(Description.AsSpan());
    }

    /// <summary>The proposed slot.</summary>
    public byte Slot { get; }

    /// <summary>The sidechain description D (never parsed by consensus, §11 #5).</summary>
    public ImmutableArray<byte> Description { get; }

    /// <summary>sha256d(D), internal order.</summary>
    public UInt256 DescriptionHash { get; }

    /// <inheritdoc />
    public override byte[] ToPayload()
    {
        var payload = Payload(TagValue, 1 + Description.Length, out var body);
        body[0] = Slot;
        Description.AsSpan().CopyTo(body[1..]);
        return payload;
    }

    /// <inheritdoc />
    public bool Equals(M1ProposeSidechain? other) =>
        other is not null && Slot == other.Slot && DescriptionHash == other.DescriptionHash &&
        Description.AsSpan().SequenceEqual(other.Description.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Slot, DescriptionHash);
}
