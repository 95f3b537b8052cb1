using System.Collections.Immutable;

namespace Drivechain.Consensus.State;

/// <summary>
/// Everything the state holds for one slot: its active sidechain, its proposals (in the order they were
/// made), its pending bundles (in list order), its CTIP and its treasury history. Immutable; a block
/// replaces only the slot records it touches (copy-on-write per slot).
/// </summary>
public sealed class SlotState : IEquatable<SlotState>
{
    private static readonly SlotState[] EmptySlots = CreateEmptySlots();

    internal SlotState(byte slot, Sidechain? sidechain, ImmutableArray<SidechainProposal> proposals,
        ImmutableArray<PendingBundle> bundles, Ctip? ctip, ImmutableList<TreasuryEntry> history)
    {
        Slot = slot;
        Sidechain = sidechain;
        Proposals = proposals.IsDefault ? [] : proposals;
        Bundles = bundles.IsDefault ? [] : bundles;
        Ctip = ctip;
        History = history;
    }

    /// <summary>The empty record of <paramref name="slot"/> (shared instance).</summary>
    public static SlotState Empty(byte slot) => EmptySlots[slot];

    /// <summary>The slot number.</summary>
    public byte Slot { get; }
    /// <summary>The active sidechain, or null.</summary>
    public Sidechain? Sidechain { get; }
    /// <summary>True when a sidechain is active in this slot.</summary>
    public bool IsActive => Sidechain is not null;
    /// <summary>Pending proposals for this slot, in proposal order (height, then first seen).</summary>
    public ImmutableArray<SidechainProposal> Proposals { get; }
    /// <summary>Pending withdrawal bundles, in list order (M4 indices refer to it).</summary>
    public ImmutableArray<PendingBundle> Bundles { get; }
    /// <summary>The current CTIP, or null before the first deposit.</summary>
    public Ctip? Ctip { get; }
    /// <summary>Every CTIP ever created for this slot, seq 0, 1, 2, ….</summary>
    public ImmutableList<TreasuryEntry> History { get; }
    /// <summary>True when nothing is recorded for this slot.</summary>
    public bool IsEmpty => Sidechain is null && Proposals.IsEmpty && Bundles.IsEmpty && Ctip is null && History.IsEmpty;

    internal SlotState WithSidechain(Sidechain? sidechain) => new(Slot, sidechain, Proposals, Bundles, Ctip, History);
    internal SlotState WithProposals(ImmutableArray<SidechainProposal> proposals) => new(Slot, Sidechain, proposals, Bundles, Ctip, History);
    internal SlotState WithBundles(ImmutableArray<PendingBundle> bundles) => new(Slot, Sidechain, Proposals, bundles, Ctip, History);
    internal SlotState WithTreasury(Ctip? ctip, ImmutableList<TreasuryEntry> history) => new(Slot, Sidechain, Proposals, Bundles, ctip, history);

    /// <summary>Index of <paramref name="m6Id"/> in the pending list, or −1.</summary>
    public int IndexOfBundle(Messages.M6Id m6Id)
    {
        var bundles = Bundles;
        for (int i = 0; i < bundles.Length; i++)
            if (bundles[i].M6Id == m6Id) return i;
        return -1;
    }

    /// <summary>Index of the proposal with description hash <paramref name="descriptionHash"/>, or −1.</summary>
    public int IndexOfProposal(Bitcoin.Primitives.UInt256 descriptionHash)
    {
        var proposals = Proposals;
        for (int i = 0; i < proposals.Length; i++)
            if (proposals[i].DescriptionHash == descriptionHash) return i;
        return -1;
    }

    /// <inheritdoc />
    public bool Equals(SlotState? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        return Slot == other.Slot && Equals(Sidechain, other.Sidechain) && Ctip == other.Ctip &&
               Proposals.AsSpan().SequenceEqual(other.Proposals.AsSpan()) &&
               Bundles.AsSpan().SequenceEqual(other.Bundles.AsSpan()) &&
               (ReferenceEquals(History, other.History) || History.SequenceEqual(other.History));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlotState);
    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Slot, Sidechain?.DescriptionHash, Bundles.Length, History.Count);

    private static SlotState[] CreateEmptySlots()
    {
        var slots = new SlotState[DrivechainState.SlotCount];
        for (int i = 0; i < slots.Length; i++)
            slots[i] = new SlotState((byte)i, null, [], [], null, ImmutableList<TreasuryEntry>.Empty);
        return slots;
    }
}
