using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Drivechain.Consensus.State;

/// <summary>
/// Everything the state holds for one slot: its active sidechain, its proposals (in the order they were
/// made), its pending bundles (in list order), its CTIP and its treasury history. Immutable; a block
/// replaces only the slot records it touches (copy-on-write per slot).
/// </summary>
public sealed class SlotState : IEquatable<SlotState>
{
    private static readonly SlotState[] EmptySlots = CreateEmptySlots();

    private ImmutableArray<PendingBundle> _bundles; // built on demand from keys + acks (a cache, not state)

    private readonly StrongBox<Ctip>? _ctip; // boxed: vote-only copies of the record share it

    internal SlotState(byte slot, Sidechain? sidechain, ImmutableArray<SidechainProposal> proposals,
        ImmutableArray<BundleKey> bundleKeys, ImmutableArray<ushort> bundleAcks, Ctip? ctip, TreasuryHistory history)
        : this(slot, sidechain, proposals, bundleKeys, bundleAcks, ctip is { } c ? new StrongBox<Ctip>(c) : null, history) { }

    private SlotState(byte slot, Sidechain? sidechain, ImmutableArray<SidechainProposal> proposals,
        ImmutableArray<BundleKey> bundleKeys, ImmutableArray<ushort> bundleAcks, StrongBox<Ctip>? ctip, TreasuryHistory history)
    {
        Slot = slot;
        Sidechain = sidechain;
        Proposals = proposals.IsDefault ? [] : proposals;
        BundleKeys = bundleKeys.IsDefault ? [] : bundleKeys;
        BundleAcks = bundleAcks.IsDefault ? [] : bundleAcks;
        if (BundleKeys.Length != BundleAcks.Length) throw new ArgumentException("one ACK count per bundle");
        _ctip = ctip;
        History = history;
    }

    internal SlotState(byte slot, Sidechain? sidechain, ImmutableArray<SidechainProposal> proposals,
        ImmutableArray<PendingBundle> bundles, Ctip? ctip, TreasuryHistory history)
        : this(slot, sidechain, proposals, KeysOf(bundles), AcksOf(bundles), ctip, history) { }

    internal static ImmutableArray<BundleKey> KeysOf(ImmutableArray<PendingBundle> bundles)
    {
        if (bundles.IsDefaultOrEmpty) return [];
        var keys = new BundleKey[bundles.Length];
        for (int i = 0; i < keys.Length; i++) keys[i] = new BundleKey(bundles[i].M6Id, bundles[i].ProposalHeight);
        return ImmutableCollectionsMarshal.AsImmutableArray(keys);
    }

    internal static ImmutableArray<ushort> AcksOf(ImmutableArray<PendingBundle> bundles)
    {
        if (bundles.IsDefaultOrEmpty) return [];
        var acks = new ushort[bundles.Length];
        for (int i = 0; i < acks.Length; i++) acks[i] = bundles[i].Acks;
        return ImmutableCollectionsMarshal.AsImmutableArray(acks);
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
    public ImmutableArray<PendingBundle> Bundles
    {
        get
        {
            if (_bundles.IsDefault)
            {
                var bundles = new PendingBundle[BundleKeys.Length];
                for (int i = 0; i < bundles.Length; i++) bundles[i] = new PendingBundle(BundleKeys[i].M6Id, BundleAcks[i], BundleKeys[i].ProposalHeight);
                _bundles = ImmutableCollectionsMarshal.AsImmutableArray(bundles);
            }
            return _bundles;
        }
    }

    /// <summary>Number of pending bundles.</summary>
    public int BundleCount => BundleKeys.Length;

    /// <summary>The pending bundles' identities (M6ID, proposal height), in list order.</summary>
    internal ImmutableArray<BundleKey> BundleKeys { get; }

    /// <summary>The pending bundles' ACK counts, parallel to <see cref="BundleKeys"/> (votes replace only this).</summary>
    internal ImmutableArray<ushort> BundleAcks { get; }
    /// <summary>The current CTIP, or null before the first deposit.</summary>
    public Ctip? Ctip => _ctip?.Value;
    /// <summary>Every CTIP ever created for this slot, seq 0, 1, 2, ….</summary>
    public TreasuryHistory History { get; }
    /// <summary>True when nothing is recorded for this slot.</summary>
    public bool IsEmpty => Sidechain is null && Proposals.IsEmpty && BundleKeys.IsEmpty && Ctip is null && History.IsEmpty;

    internal SlotState WithSidechain(Sidechain? sidechain) => new(Slot, sidechain, Proposals, BundleKeys, BundleAcks, _ctip, History);
    internal SlotState WithProposals(ImmutableArray<SidechainProposal> proposals) => new(Slot, Sidechain, proposals, BundleKeys, BundleAcks, _ctip, History);
    internal SlotState WithBundles(ImmutableArray<BundleKey> keys, ImmutableArray<ushort> acks) => new(Slot, Sidechain, Proposals, keys, acks, _ctip, History);
    internal SlotState WithBundleAcks(ImmutableArray<ushort> acks) => new(Slot, Sidechain, Proposals, BundleKeys, acks, _ctip, History);
    internal SlotState WithTreasury(Ctip? ctip, TreasuryHistory history) => new(Slot, Sidechain, Proposals, BundleKeys, BundleAcks, ctip, history);

    /// <summary>True when <paramref name="other"/> has the same CTIP (without reading it when the records share it).</summary>
    internal bool SameCtip(SlotState other) => ReferenceEquals(_ctip, other._ctip) || Ctip == other.Ctip;

    /// <summary>Index of <paramref name="m6Id"/> in the pending list, or −1.</summary>
    public int IndexOfBundle(Messages.M6Id m6Id)
    {
        var keys = BundleKeys;
        for (int i = 0; i < keys.Length; i++)
            if (keys[i].M6Id == m6Id) return i;
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
               BundleKeys.AsSpan().SequenceEqual(other.BundleKeys.AsSpan()) &&
               BundleAcks.AsSpan().SequenceEqual(other.BundleAcks.AsSpan()) &&
               (ReferenceEquals(History, other.History) || History.SequenceEqual(other.History));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlotState);
    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Slot, Sidechain?.DescriptionHash, BundleKeys.Length, History.Count);

    private static SlotState[] CreateEmptySlots()
    {
        var slots = new SlotState[DrivechainState.SlotCount];
        for (int i = 0; i < slots.Length; i++)
            slots[i] = new SlotState((byte)i, null, [], ImmutableArray<BundleKey>.Empty, ImmutableArray<ushort>.Empty, (Ctip?)null, TreasuryHistory.Empty);
        return slots;
    }
}
