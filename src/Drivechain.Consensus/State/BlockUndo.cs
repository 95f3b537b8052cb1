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
    private readonly ImmutableArray<SlotUndo> _slots;

    internal BlockUndo(ImmutableArray<SlotUndo> slots, ImmutableArray<M4Action> previousM4Record, ImmutableArray<BmmAccept> previousBmmAccepts)
    {
        _slots = slots;
        PreviousM4Record = previousM4Record;
        PreviousBmmAccepts = previousBmmAccepts;
    }

    /// <summary>The undo of a block that changed nothing (pre-activation, or an empty block after one).</summary>
    public static BlockUndo Empty { get; } = new([], [], []);

    /// <summary>True when reverting changes nothing but the per-block records (which are empty as well).</summary>
    public bool IsEmpty => _slots.IsEmpty && PreviousM4Record.IsEmpty && PreviousBmmAccepts.IsEmpty;

    /// <summary>Number of slot records the block touched.</summary>
    public int TouchedSlotCount => _slots.Length;

    /// <summary>The parent block's M4 record, restored on revert.</summary>
    public ImmutableArray<M4Action> PreviousM4Record { get; }

    /// <summary>The parent block's BMM accepts, restored on revert.</summary>
    public ImmutableArray<BmmAccept> PreviousBmmAccepts { get; }

    /// <summary>The state before the block, given the state after it.</summary>
    /// <exception cref="ArgumentException">The undo does not belong to this state (a caller bug).</exception>
    public DrivechainState Revert(DrivechainState state)
    {
        if (_slots.IsEmpty && state.M4Record.IsEmpty && state.BmmAccepts.IsEmpty && IsEmpty) return state;
        var slots = state.CloneSlots();
        var index = state.CtipIndex;
        foreach (var undo in _slots)
        {
            var after = slots[undo.Slot];
            slots[undo.Slot] = undo.Revert(after);
            if (undo.ChangesCtip)
            {
                if (after.Ctip is { } current) index = index.Remove(current.OutPoint);
                if (undo.CtipBefore is { } previous) index = index.SetItem(previous.OutPoint, undo.Slot);
            }
        }
        return new DrivechainState(slots, index, PreviousM4Record, PreviousBmmAccepts);
    }

    /// <summary>The storage encoding.</summary>
    public byte[] ToBytes()
    {
        var sink = new ByteSink();
        sink.WriteByte(FormatVersion);
        sink.WriteCompactSize((ulong)_slots.Length);
        foreach (var slot in _slots) slot.WriteTo(sink);
        StateCodec.WriteRecords(sink, PreviousM4Record, PreviousBmmAccepts);
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
            var slots = ImmutableArray.CreateBuilder<SlotUndo>(count);
            int previous = -1;
            bool ok = true;
            for (int i = 0; i < count && ok; i++)
            {
                ok = SlotUndo.TryRead(ref reader, out var slot) && slot!.Slot > previous;
                if (ok)
                {
                    previous = slot!.Slot;
                    slots.Add(slot);
                }
            }
            if (ok && StateCodec.TryReadRecords(ref reader, out var m4, out var accepts) && reader.Remaining == 0)
            {
                undo = slots.Count == 0 && m4.IsEmpty && accepts.IsEmpty ? Empty : new BlockUndo(slots.MoveToImmutable(), m4, accepts);
                error = ParseError.None;
                return true;
            }
        }
        error = new ParseError(ParseErrorKind.InvalidText, reader.Position);
        return false;
    }
}
