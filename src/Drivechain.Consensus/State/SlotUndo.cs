using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Consensus.State;

/// <summary>
/// The overwritten cells of one slot: only those that differ between the record before and after the
/// block. A pending list whose bundles only changed ACK counts keeps just the old counts.
/// </summary>
internal sealed class SlotUndo
{
    [Flags]
    private enum Cells : byte
    {
        None = 0,
        Sidechain = 1,
        Proposals = 2,
        BundlesFull = 4,
        BundleAcks = 8,
        Ctip = 16,
        History = 32,
    }

    private readonly Cells _cells;
    private readonly Sidechain? _sidechain;
    private readonly ImmutableArray<SidechainProposal> _proposals;
    private readonly ImmutableArray<BundleKey> _bundleKeys;
    private readonly ImmutableArray<ushort> _bundleAcks;
    private readonly Ctip? _ctip;
    private readonly int _historyCount;

    private SlotUndo(byte slot, Cells cells, Sidechain? sidechain, ImmutableArray<SidechainProposal> proposals,
        ImmutableArray<BundleKey> bundleKeys, ImmutableArray<ushort> bundleAcks, Ctip? ctip, int historyCount)
    {
        Slot = slot;
        _cells = cells;
        _sidechain = sidechain;
        _proposals = proposals;
        _bundleKeys = bundleKeys;
        _bundleAcks = bundleAcks;
        _ctip = ctip;
        _historyCount = historyCount;
    }

    public byte Slot { get; }

    /// <summary>True when only the ACK counts of the pending list changed (the common M4 case).</summary>
    public static bool OnlyAcksChanged(SlotState before, SlotState after) =>
        ReferenceEquals(before.Sidechain, after.Sidechain) && before.Proposals == after.Proposals &&
        before.BundleKeys == after.BundleKeys && before.SameCtip(after) && ReferenceEquals(before.History, after.History);

    /// <summary>True for an acks-only undo.</summary>
    public bool IsAcksOnly => _cells == Cells.BundleAcks;

    /// <summary>The old ACK counts of an acks-only undo.</summary>
    public ImmutableArray<ushort> OldAcks => _bundleAcks;

    /// <summary>Writes an acks-only entry in the same format as <see cref="WriteTo"/>.</summary>
    public static void WriteAcksOnly(ByteSink sink, byte slot, ImmutableArray<ushort> oldAcks)
    {
        sink.WriteByte(slot);
        sink.WriteByte((byte)Cells.BundleAcks);
        sink.WriteCompactSize((ulong)oldAcks.Length);
        foreach (var a in oldAcks) sink.WriteUInt16(a);
    }

    /// <summary>Reverts an acks-only change of <paramref name="after"/>.</summary>
    public static SlotState RevertAcks(SlotState after, ImmutableArray<ushort> oldAcks)
    {
        if (oldAcks.Length != after.BundleCount) throw new ArgumentException($"undo does not match slot {after.Slot}'s pending list");
        return after.WithBundleAcks(oldAcks);
    }

    public static SlotUndo Create(SlotState before, SlotState after)
    {
        var cells = Cells.None;
        if (!ReferenceEquals(before.Sidechain, after.Sidechain)) cells |= Cells.Sidechain;
        if (before.Proposals != after.Proposals) cells |= Cells.Proposals;
        if (before.BundleKeys != after.BundleKeys) cells |= Cells.BundlesFull;          // bundles added or removed
        else if (before.BundleAcks != after.BundleAcks) cells |= Cells.BundleAcks;   // only votes: keep the old counts
        if (!before.SameCtip(after)) cells |= Cells.Ctip;
        if (!ReferenceEquals(before.History, after.History)) cells |= Cells.History;
        return new SlotUndo(before.Slot, cells, before.Sidechain, before.Proposals, before.BundleKeys, before.BundleAcks, before.Ctip, before.History.Count);
    }

    /// <summary>The slot record before the block, rebuilt from the record after it.</summary>
    public SlotState Revert(SlotState after)
    {
        var sidechain = (_cells & Cells.Sidechain) != 0 ? _sidechain : after.Sidechain;
        var proposals = (_cells & Cells.Proposals) != 0 ? _proposals : after.Proposals;
        var keys = after.BundleKeys;
        var acks = after.BundleAcks;
        if ((_cells & Cells.BundlesFull) != 0)
        {
            keys = _bundleKeys;
            acks = _bundleAcks;
        }
        else if ((_cells & Cells.BundleAcks) != 0)
        {
            if (_bundleAcks.Length != keys.Length) throw new ArgumentException($"undo does not match slot {Slot}'s pending list");
            acks = _bundleAcks;
        }
        var ctip = (_cells & Cells.Ctip) != 0 ? _ctip : after.Ctip;
        var history = after.History;
        if ((_cells & Cells.History) != 0)
        {
            if (_historyCount >= history.Count) throw new ArgumentException($"undo does not match slot {Slot}'s treasury history");
            history = history.Take(_historyCount);
        }
        return new SlotState(Slot, sidechain, proposals, keys, acks, ctip, history);
    }

    public Ctip? CtipBefore => _ctip;
    public bool ChangesCtip => (_cells & Cells.Ctip) != 0;

    public void WriteTo(ByteSink sink)
    {
        sink.WriteByte(Slot);
        sink.WriteByte((byte)_cells);
        if ((_cells & Cells.Sidechain) != 0)
        {
            sink.WriteByte(_sidechain is null ? (byte)0 : (byte)1);
            if (_sidechain is not null) StateCodec.WriteSidechain(sink, _sidechain);
        }
        if ((_cells & Cells.Proposals) != 0) StateCodec.WriteProposals(sink, _proposals);
        if ((_cells & Cells.BundlesFull) != 0) StateCodec.WriteBundles(sink, _bundleKeys, _bundleAcks);
        if ((_cells & Cells.BundleAcks) != 0)
        {
            sink.WriteCompactSize((ulong)_bundleAcks.Length);
            foreach (var a in _bundleAcks) sink.WriteUInt16(a);
        }
        if ((_cells & Cells.Ctip) != 0)
        {
            sink.WriteByte(_ctip is null ? (byte)0 : (byte)1);
            if (_ctip is { } ctip) StateCodec.WriteCtip(sink, ctip);
        }
        if ((_cells & Cells.History) != 0) sink.WriteInt32(_historyCount);
    }

    public static bool TryRead(ref BitcoinReader reader, out SlotUndo? undo)
    {
        undo = null;
        if (!reader.TryReadByte(out var slot) || !reader.TryReadByte(out var raw) || (raw & ~63) != 0) return false;
        var cells = (Cells)raw;
        if ((cells & Cells.BundlesFull) != 0 && (cells & Cells.BundleAcks) != 0) return false;
        Sidechain? sidechain = null;
        if ((cells & Cells.Sidechain) != 0)
        {
            if (!reader.TryReadByte(out var present) || present > 1) return false;
            if (present == 1 && !StateCodec.TryReadSidechain(ref reader, slot, out sidechain)) return false;
        }
        ImmutableArray<SidechainProposal> proposals = default;
        if ((cells & Cells.Proposals) != 0 && !StateCodec.TryReadProposals(ref reader, slot, out proposals)) return false;
        ImmutableArray<PendingBundle> bundles = default;
        if ((cells & Cells.BundlesFull) != 0 && !StateCodec.TryReadBundles(ref reader, out bundles)) return false;
        ImmutableArray<ushort> acks = (cells & Cells.BundlesFull) != 0 ? SlotState.AcksOf(bundles) : default;
        if ((cells & Cells.BundleAcks) != 0)
        {
            if (!reader.TryReadCount(2, out int count)) return false;
            var values = new ushort[count];
            for (int i = 0; i < count; i++)
                if (!reader.TryReadUInt16(out values[i])) return false;
            acks = ImmutableCollectionsMarshal.AsImmutableArray(values);
        }
        Ctip? ctip = null;
        if ((cells & Cells.Ctip) != 0)
        {
            if (!reader.TryReadByte(out var present) || present > 1) return false;
            if (present == 1)
            {
                if (!StateCodec.TryReadCtip(ref reader, out var c)) return false;
                ctip = c;
            }
        }
        int historyCount = 0;
        if ((cells & Cells.History) != 0 && (!reader.TryReadInt32(out historyCount) || historyCount < 0)) return false;
        undo = new SlotUndo(slot, cells, sidechain, proposals, SlotState.KeysOf(bundles), acks, ctip, historyCount);
        return true;
    }
}
