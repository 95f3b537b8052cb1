using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.State;

/// <summary>
/// The working copy a block is connected on. Rules read and write slots through it; the first write to
/// a slot remembers the slot's previous record, so <see cref="ToUndo"/> derives the undo generically from
/// the overwritten values — no rule writes undo. Also holds the block-scoped facts (this block's M4
/// record, BMM accepts, slots that already had an M8, events).
/// </summary>
public sealed class StateDraft
{
    private readonly DrivechainState _base;
    private readonly ChunkedArray<SlotState> _slots;
    private SlotSummary _summary;
    private SlotSet _touched;   // slots written at least once; their original record is _base's
    private CtipIndex _ctipIndex;
    private bool _ownCtipIndex;   // _ctipIndex is this draft's copy (the base state's is never changed)
    private ImmutableArray<M4Action> _m4Record = [];
    private ImmutableArray<BmmAccept>.Builder? _accepts;
    private SlotSet _m8Seen;
    private ImmutableArray<DrivechainEvent>.Builder? _events;
    private bool _frozen;
    private int _written;

    /// <summary>Starts a draft on <paramref name="state"/> (the state after the parent block).</summary>
    public StateDraft(DrivechainState state)
    {
        _base = state;
        _slots = state.CopySlots();
        _summary = state.Summary;
        _ctipIndex = state.CtipIndex;
    }

    /// <summary>The state the draft started from.</summary>
    public DrivechainState Base => _base;

    /// <summary>The parent block's M4 record (what a v0 M4 repeats).</summary>
    public ImmutableArray<M4Action> PreviousM4Record => _base.M4Record;

    /// <summary>This block's M4 record so far.</summary>
    public ImmutableArray<M4Action> M4Record => _m4Record;

    /// <summary>The current record of <paramref name="slot"/>.</summary>
    public SlotState Slot(byte slot) => _slots[slot];

    /// <summary>True when <paramref name="slot"/> is active now.</summary>
    public bool IsActive(byte slot) => _summary.Active.Contains(slot);

    /// <summary>The slots active now, ascending (the ASN order of M4 vectors).</summary>
    internal SlotSet ActiveSlots => _summary.Active;

    /// <summary>The slots with at least one pending proposal now.</summary>
    internal SlotSet SlotsWithProposals => _summary.WithProposals;

    /// <summary>The slots with at least one pending bundle now.</summary>
    internal SlotSet SlotsWithBundles => _summary.WithBundles;

    /// <summary>True when <paramref name="m6Id"/> is pending in <paramref name="slot"/>.</summary>
    public bool HasPendingBundle(byte slot, Messages.M6Id m6Id) => _slots[slot].IndexOfBundle(m6Id) >= 0;

    /// <summary>The slot whose current CTIP is <paramref name="outPoint"/>, or −1.</summary>
    public int FindCtipSlot(OutPoint outPoint) => _ctipIndex.Find(outPoint, _slots);

    /// <summary>True when some slot has a CTIP.</summary>
    public bool HasAnyCtip => !_ctipIndex.IsEmpty;

    // ---- writes (each goes through Write, which remembers the overwritten record) ----

    /// <summary>Appends a proposal to its slot's list.</summary>
    public void AddProposal(SidechainProposal proposal)
    {
        var slot = _slots[proposal.Slot];
        Write(slot.WithProposals(slot.Proposals.Add(proposal)));
    }

    /// <summary>Replaces the proposal list of <paramref name="slot"/>.</summary>
    public void SetProposals(byte slot, ImmutableArray<SidechainProposal> proposals) => Write(_slots[slot].WithProposals(proposals));

    /// <summary>Sets the active sidechain of its slot (the pending list, CTIP and history stay).</summary>
    public void SetSidechain(Sidechain sidechain) => Write(_slots[sidechain.Slot].WithSidechain(sidechain));

    /// <summary>Appends a bundle to the end of <paramref name="slot"/>'s pending list.</summary>
    public void AppendBundle(byte slot, PendingBundle bundle)
    {
        var record = _slots[slot];
        Write(record.WithBundles(record.BundleKeys.Add(new BundleKey(bundle.M6Id, bundle.ProposalHeight)), record.BundleAcks.Add(bundle.Acks)));
    }

    /// <summary>Replaces the pending list of <paramref name="slot"/>.</summary>
    public void SetBundles(byte slot, ImmutableArray<PendingBundle> bundles) =>
        Write(_slots[slot].WithBundles(SlotState.KeysOf(bundles), SlotState.AcksOf(bundles)));

    /// <summary>Replaces the ACK counts of <paramref name="slot"/>'s pending list (same bundles, same order).</summary>
    public void SetBundleAcks(byte slot, ImmutableArray<ushort> acks)
    {
        var record = _slots[slot];
        if (acks.Length != record.BundleKeys.Length) throw new ArgumentException("one ACK count per pending bundle", nameof(acks));
        Write(record.WithBundleAcks(acks));
    }

    /// <summary>Removes the bundle at <paramref name="index"/> (order-preserving).</summary>
    public void RemoveBundleAt(byte slot, int index)
    {
        var record = _slots[slot];
        Write(record.WithBundles(record.BundleKeys.RemoveAt(index), record.BundleAcks.RemoveAt(index)));
    }

    /// <summary>Moves the CTIP of <paramref name="slot"/> and appends the history entry; returns it.</summary>
    public TreasuryEntry MoveCtip(byte slot, OutPoint outPoint, Money value)
    {
        var record = _slots[slot];
        var previous = record.Ctip;
        var entry = new TreasuryEntry(record.History.Count, outPoint, value, previous?.Value ?? Money.Zero);
        ThrowIfFrozen();   // before the index changes: after ToState it belongs to the new state
        if (!_ownCtipIndex) (_ctipIndex, _ownCtipIndex) = (_ctipIndex.Clone(), true);
        // The index reads each key from the slot records: remove before the record changes, add after.
        if (previous is { } old) _ctipIndex.Remove(old.OutPoint, _slots);
        Write(record.WithTreasury(new Ctip(outPoint, value), record.History.Add(entry)));
        _ctipIndex.Set(outPoint, slot, _slots);
        return entry;
    }

    /// <summary>Sets this block's M4 record (ascending slot).</summary>
    public void SetM4Record(ImmutableArray<M4Action> record) => _m4Record = record;

    /// <summary>Records an M7 accept of this block.</summary>
    public void AddBmmAccept(byte slot, UInt256 sidechainBlockHash)
    {
        _accepts ??= ImmutableArray.CreateBuilder<BmmAccept>();
        _accepts.Add(new BmmAccept(slot, sidechainBlockHash));
    }

    /// <summary>The commitment this block's M7 accepted for <paramref name="slot"/>, if any.</summary>
    public bool TryGetBmmAccept(byte slot, out UInt256 sidechainBlockHash)
    {
        if (_accepts is not null)
            foreach (var accept in _accepts)
                if (accept.Slot == slot)
                {
                    sidechainBlockHash = accept.SidechainBlockHash;
                    return true;
                }
        sidechainBlockHash = default;
        return false;
    }

    /// <summary>Marks that this block has an M8 for <paramref name="slot"/>; false when it already had one.</summary>
    public bool TryMarkBmmRequest(byte slot) => _m8Seen.Add(slot);

    /// <summary>Adds an event.</summary>
    public void Emit(DrivechainEvent e) => (_events ??= ImmutableArray.CreateBuilder<DrivechainEvent>()).Add(e);

    /// <summary>The events so far.</summary>
    public ImmutableArray<DrivechainEvent> Events => _events?.ToImmutable() ?? [];

    private void ThrowIfFrozen()
    {
        if (_frozen) throw new InvalidOperationException("the draft was already turned into a state");
    }

    private void Write(SlotState updated)
    {
        ThrowIfFrozen();
        int slot = updated.Slot;
        if (_touched.Add((byte)slot)) _written++;
        _slots.Set(slot, updated);
        _summary.Update(updated);
    }

    /// <summary>The resulting state; the draft accepts no further writes afterwards.</summary>
    public DrivechainState ToState()
    {
        _frozen = true;
        return new DrivechainState(_slots, _summary, _ctipIndex, _m4Record, _accepts?.ToImmutable() ?? []);
    }

    /// <summary>The undo: the overwritten cells of every touched slot and the parent's records.</summary>
    public BlockUndo ToUndo()
    {
        if (_written == 0)
            return _base.M4Record.IsEmpty && _base.BmmAccepts.IsEmpty ? BlockUndo.Empty
                : new BlockUndo([], [], [], _base.M4Record, PreviousM4Indexes(), m4Resolved: true, _base.BmmAccepts);
        int ackOnly = 0;
        foreach (int i in _touched)
            if (Original(i) is { } original && !ReferenceEquals(original, _slots[i]) && SlotUndo.OnlyAcksChanged(original, _slots[i])) ackOnly++;
        var slots = ImmutableArray.CreateBuilder<SlotUndo>(Math.Max(0, _written - ackOnly));
        var ackSlots = new byte[ackOnly];
        var oldAcks = new ImmutableArray<ushort>[ackOnly];
        int a = 0;
        foreach (int i in _touched)   // ascending slot, as the undo is written
        {
            if (Original(i) is not { } original || ReferenceEquals(original, _slots[i])) continue;
            if (SlotUndo.OnlyAcksChanged(original, _slots[i]))
            {
                ackSlots[a] = (byte)i;
                oldAcks[a++] = original.BundleAcks;
            }
            else
            {
                slots.Add(SlotUndo.Create(original, _slots[i]));
            }
        }
        if (slots.Count == 0 && ackOnly == 0 && _base.M4Record.IsEmpty && _base.BmmAccepts.IsEmpty) return BlockUndo.Empty;
        return new BlockUndo(slots.Count == slots.Capacity ? slots.MoveToImmutable() : slots.ToImmutable(), ackSlots, oldAcks,
            _base.M4Record, PreviousM4Indexes(), m4Resolved: true, _base.BmmAccepts);
    }

    // The record of a written slot before this block (null for a slot never written).
    private SlotState? Original(int slot) => _touched.Contains((byte)slot) ? _base.GetSlot((byte)slot) : null;

    // Where each upvoted bundle of the parent's record sits in the parent's pending list (−1: gone), so the
    // stored undo can name it by index instead of by M6ID.
    private ImmutableArray<int> PreviousM4Indexes()
    {
        var record = _base.M4Record;
        if (record.IsEmpty) return [];
        var indexes = new int[record.Length];
        for (int i = 0; i < indexes.Length; i++)
            indexes[i] = record[i].Kind == M4ActionKind.Upvote ? _base.GetSlot(record[i].Slot).IndexOfBundle(record[i].M6Id) : -1;
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(indexes);
    }
}
