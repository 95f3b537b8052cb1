using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus;

/// <summary>What a connected block did (spec §4.8). Informational: the state is the source of truth.</summary>
public abstract record DrivechainEvent
{
    private DrivechainEvent() { }

    /// <summary>A new proposal from an M1 (first vout of that proposal in the coinbase).</summary>
    public sealed record SidechainProposed(byte Slot, UInt256 DescriptionHash, int Vout) : DrivechainEvent;

    /// <summary>An M2 activated a proposal; <paramref name="Replaced"/> when a sidechain was already active there.</summary>
    public sealed record SidechainActivated(byte Slot, UInt256 DescriptionHash, bool Replaced) : DrivechainEvent;

    /// <summary>An M3 added a bundle to a slot's pending list.</summary>
    public sealed record BundleSubmitted(byte Slot, M6Id M6Id) : DrivechainEvent;

    /// <summary>A bundle expired (§4.6).</summary>
    public sealed record BundleFailed(byte Slot, M6Id M6Id) : DrivechainEvent;

    /// <summary>An M6 paid a bundle out; the new CTIP has <paramref name="Seq"/>.</summary>
    public sealed record BundleSucceeded(byte Slot, M6Id M6Id, int Seq, UInt256 TxId) : DrivechainEvent;

    /// <summary>An M5 deposit.</summary>
    public sealed record DepositReceived(byte Slot, int Seq, OutPoint OutPoint, ImmutableArray<byte> Address, Money Value) : DrivechainEvent
    {
        /// <inheritdoc />
        public bool Equals(DepositReceived? other) =>
            other is not null && Slot == other.Slot && Seq == other.Seq && OutPoint == other.OutPoint &&
            Value == other.Value && Address.AsSpan().SequenceEqual(other.Address.AsSpan());

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Slot, Seq, OutPoint, Value);
    }
}
