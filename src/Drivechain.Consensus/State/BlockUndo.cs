using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Consensus.State;

/// <summary>
/// What a connected block overwrote (spec §5), produced by <see cref="StateDraft.ToUndo"/>: the previous
/// cells of every slot it touched and the parent block's M4 record and BMM accepts.
/// <see cref="Revert"/> applied to the state after the block gives exactly the state before it.
/// </summary>
public sealed class BlockUndo
{
    private const byte FormatVersion = 1;
    private readonly ImmutableArray<SlotUndo> _slots;      // slots with structural changes
    private readonly byte[] _ackSlots;                     // slots where only ACK counts changed (ascending) …
    private readonly ImmutableArray<ushort>[] _oldAcks;    // … and their previous counts (shared, not copied)

    private readonly ImmutableArray<int> _m4Indexes;       // parallel to PreviousM4Record: index in the parent's list, or −1
    private readonly bool _m4Resolved;                     // false after Parse: by-index upvotes are resolved by Revert

    internal BlockUndo(ImmutableArray<SlotUndo> slots, byte[] ackSlots, ImmutableArray<ushort>[] oldAcks,
        ImmutableArray<M4Action> previousM4Record, ImmutableArray<int> m4Indexes, bool m4Resolved, ImmutableArray<BmmAccept> previousBmmAccepts)
    {
        _slots = slots;
        _ackSlots = ackSlots;
        _oldAcks = oldAcks;
        PreviousM4Record = previousM4Record;
        _m4Indexes = m4Indexes.IsDefault ? [] : m4Indexes;
        _m4Resolved = m4Resolved;
        PreviousBmmAccepts = previousBmmAccepts;
    }

    /// <summary>The undo of a block that changed nothing (pre-activation, or an empty block after one).</summary>
    public static BlockUndo Empty { get; } = new([], [], [], [], [], true, []);

    /// <summary>True when reverting changes nothing but the per-block records (which are empty as well).</summary>
    public bool IsEmpty => _slots.IsEmpty && _ackSlots.Length == 0 && PreviousM4Record.IsEmpty && PreviousBmmAccepts.IsEmpty;

    /// <summary>Number of slot records the block touched.</summary>
    public int TouchedSlotCount => _slots.Length + _ackSlots.Length;

    /// <summary>The parent block's M4 record, restored on revert (by-index upvotes unresolved after Parse).</summary>
    internal ImmutableArray<M4Action> PreviousM4Record { get; }

    /// <summary>The parent block's BMM accepts, restored on revert.</summary>
    internal ImmutableArray<BmmAccept> PreviousBmmAccepts { get; }

    /// <summary>The state before the block, given the state after it.</summary>
    /// <exception cref="ArgumentException">The undo does not belong to this state (a caller bug).</exception>
    public DrivechainState Revert(DrivechainState state)
    {
        if (IsEmpty && state.M4Record.IsEmpty && state.BmmAccepts.IsEmpty) return state;
        var slots = state.CopySlots();
        var summary = state.Summary;   // ACK counts change no summary bit
        var index = state.CtipIndex;
        bool ownIndex = false;
        for (int i = 0; i < _ackSlots.Length; i++)
            slots.Set(_ackSlots[i], SlotUndo.RevertAcks(slots[_ackSlots[i]], _oldAcks[i]));
        foreach (var undo in _slots)
        {
            var after = slots[undo.Slot];
            if (undo.ChangesCtip && !ownIndex) (index, ownIndex) = (index.Clone(), true);
            // The index reads each key from the slot records: remove before the record changes, add after.
            if (undo.ChangesCtip && after.Ctip is { } current) index.Remove(current.OutPoint, slots);
            slots.Set(undo.Slot, undo.Revert(after));
            summary.Update(slots[undo.Slot]);
            if (undo.ChangesCtip && undo.CtipBefore is { } previous) index.Set(previous.OutPoint, undo.Slot, slots);
        }
        return new DrivechainState(slots, summary, index, ResolveM4Record(slots), PreviousBmmAccepts);
    }

    private ImmutableArray<M4Action> ResolveM4Record(ChunkedArray<SlotState> restored)
    {
        if (_m4Resolved) return PreviousM4Record;
        var record = PreviousM4Record.ToBuilder();
        for (int i = 0; i < record.Count; i++)
        {
            if (_m4Indexes[i] < 0) continue;
            var slot = restored[record[i].Slot];
            if (_m4Indexes[i] >= slot.BundleCount) throw new ArgumentException($"undo does not match slot {slot.Slot}'s pending list");
            record[i] = M4Action.Upvote(slot.Slot, slot.BundleKeys[_m4Indexes[i]].M6Id);
        }
        return record.MoveToImmutable();
    }

    /// <summary>The storage encoding.</summary>
    public byte[] ToBytes()
    {
        var sink = new ByteSink();
        sink.WriteByte(FormatVersion);
        sink.WriteCompactSize((ulong)(_slots.Length + _ackSlots.Length));
        int a = 0;
        foreach (var slot in _slots) // merge both lists in ascending slot order
        {
            for (; a < _ackSlots.Length && _ackSlots[a] < slot.Slot; a++) SlotUndo.WriteAcksOnly(sink, _ackSlots[a], _oldAcks[a]);
            slot.WriteTo(sink);
        }
        for (; a < _ackSlots.Length; a++) SlotUndo.WriteAcksOnly(sink, _ackSlots[a], _oldAcks[a]);
        StateCodec.WriteUndoRecords(sink, PreviousM4Record, _m4Indexes, PreviousBmmAccepts);
        return sink.ToArray();
    }

    /// <summary>Parses <see cref="ToBytes"/> output; throws <see cref="ParseException"/> on malformed bytes.</summary>
    public static BlockUndo Parse(ReadOnlySpan<byte> bytes)
    {
        if (!TryParse(bytes, out var undo, out var error)) throw new ParseException(error, "block undo");
        return undo;
    }

    /// <summary>Parses <see cref="ToBytes"/> output; false on malformed bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out BlockUndo? undo, out ParseError error)
    {
        undo = null;
        var reader = new BitcoinReader(bytes);
        if (reader.TryReadByte(out var version) && version == FormatVersion && reader.TryReadCount(2, out int count))
        {
            var slots = ImmutableArray.CreateBuilder<SlotUndo>();
            var ackSlots = new List<byte>();
            var oldAcks = new List<ImmutableArray<ushort>>();
            int previous = -1;
            bool ok = true;
            for (int i = 0; i < count && ok; i++)
            {
                ok = SlotUndo.TryRead(ref reader, out var slot) && slot!.Slot > previous;
                if (ok)
                {
                    previous = slot!.Slot;
                    if (slot.IsAcksOnly)
                    {
                        ackSlots.Add(slot.Slot);
                        oldAcks.Add(slot.OldAcks);
                    }
                    else
                    {
                        slots.Add(slot);
                    }
                }
            }
            if (ok && StateCodec.TryReadUndoRecords(ref reader, out var m4, out var indexes, out var accepts) && reader.Remaining == 0)
            {
                undo = slots.Count == 0 && ackSlots.Count == 0 && m4.IsEmpty && accepts.IsEmpty
                    ? Empty
                    : new BlockUndo(slots.ToImmutable(), [.. ackSlots], [.. oldAcks], m4, indexes, m4Resolved: !indexes.Any(i => i >= 0), accepts);
                error = ParseError.None;
                return true;
            }
        }
        error = new ParseError(ParseErrorKind.InvalidText, reader.Position);
        return false;
    }
}
