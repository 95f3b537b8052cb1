using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Consensus.State;

public sealed partial class DrivechainState
{
    private const byte FormatVersion = 1;
    private const byte HasSidechain = 1, HasCtip = 2;

    /// <summary>
    /// The canonical encoding: format byte, then every non-empty slot in ascending order (sidechain,
    /// proposals, bundles, CTIP, history), then the M4 record and BMM accepts. Equal states give equal bytes.
    /// </summary>
    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);   // reserves the estimated size at once
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Appends <see cref="ToBytes"/>'s encoding to <paramref name="buffer"/> (a writer kept by the caller: a node writing its
    /// 2 MB state at every flush reuses one buffer instead of allocating two large arrays each time).
    /// </summary>
    public void WriteTo(ArrayBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.GetSpan(EncodedSizeEstimate());   // room for it all at once
        var sink = new ByteSink(buffer);
        sink.WriteByte(FormatVersion);
        int nonEmpty = 0;
        foreach (var slot in _slots)
            if (!slot.IsEmpty) nonEmpty++;
        sink.WriteCompactSize((ulong)nonEmpty);
        foreach (var slot in _slots)
        {
            if (slot.IsEmpty) continue;
            sink.WriteByte(slot.Slot);
            sink.WriteByte((byte)((slot.Sidechain is null ? 0 : HasSidechain) | (slot.Ctip is null ? 0 : HasCtip)));
            if (slot.Sidechain is { } sidechain) StateCodec.WriteSidechain(sink, sidechain);
            StateCodec.WriteProposals(sink, slot.Proposals);
            StateCodec.WriteBundles(sink, slot.BundleKeys, slot.BundleAcks);
            if (slot.Ctip is { } ctip) StateCodec.WriteCtip(sink, ctip);
            sink.WriteCompactSize((ulong)slot.History.Count);
            foreach (var entry in slot.History.AsSpan())
            {
                StateCodec.WriteOutPoint(sink, entry.OutPoint);
                sink.WriteInt64(entry.TotalValue.Satoshis);
                sink.WriteInt64(entry.PreviousTotalValue.Satoshis);
            }
        }
        StateCodec.WriteRecords(sink, M4Record, BmmAccepts);
    }

    /// <summary>
    /// A little above the encoded size: a large state (the perf chain's is 2.1 MB, mostly treasury history at 52 bytes an
    /// entry) is written into one buffer of about this size instead of growing through a dozen doublings of large-object
    /// garbage. A caller that keeps its buffer sizes it by this (a writer that has to grow adds its whole capacity again).
    /// </summary>
    public int EncodedSizeEstimate()
    {
        long size = 64 + M4Record.Length * 8L + BmmAccepts.Length * 40L;
        foreach (var slot in _slots)
        {
            if (slot.IsEmpty) continue;
            size += 96 + (slot.Sidechain?.Description.Length ?? 0) + slot.BundleKeys.Length * 48L + slot.History.Count * 52L;
            foreach (var proposal in slot.Proposals) size += 64 + proposal.Description.Length;
        }
        return (int)Math.Min(size, Array.MaxLength);
    }

    /// <summary>SHA256d of <see cref="ToBytes"/>: equal states, equal digests.</summary>
    public UInt256 ComputeDigest() => Hashes.Sha256d(ToBytes());

    /// <summary>Parses <see cref="ToBytes"/> output; throws <see cref="ParseException"/> on malformed bytes.</summary>
    public static DrivechainState Parse(ReadOnlySpan<byte> bytes)
    {
        if (!TryParse(bytes, out var state, out var error)) throw new ParseException(error, "drivechain state");
        return state;
    }

    /// <summary>Parses <see cref="ToBytes"/> output; false (with the position) on malformed or non-canonical bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out DrivechainState? state, out ParseError error)
    {
        state = null;
        var reader = new BitcoinReader(bytes);
        if (!TryRead(ref reader, out state) || reader.Remaining != 0)
        {
            state = null;
            error = reader.Remaining != 0 && reader.LastError == ParseErrorKind.None
                ? new ParseError(ParseErrorKind.TrailingBytes, reader.Position)
                : new ParseError(ParseErrorKind.InvalidText, reader.Position);
            return false;
        }
        error = ParseError.None;
        return true;
    }

    private static bool TryRead(ref BitcoinReader reader, [NotNullWhen(true)] out DrivechainState? state)
    {
        state = null;
        if (!reader.TryReadByte(out var version) || version != FormatVersion) return false;
        if (!reader.TryReadCount(4, out int count) || count > SlotCount) return false;
        var slots = Empty.CopySlots();
        var index = CtipIndex.Empty.Clone();
        int previous = -1;
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadByte(out var slot) || slot <= previous || !reader.TryReadByte(out var flags) || (flags & ~3) != 0) return false;
            previous = slot;
            Sidechain? sidechain = null;
            if ((flags & HasSidechain) != 0 && !StateCodec.TryReadSidechain(ref reader, slot, out sidechain)) return false;
            if (!StateCodec.TryReadProposals(ref reader, slot, out var proposals) || !StateCodec.TryReadBundles(ref reader, out var bundles)) return false;
            Ctip? ctip = null;
            if ((flags & HasCtip) != 0)
            {
                if (!StateCodec.TryReadCtip(ref reader, out var c)) return false;
                ctip = c;
            }
            if (!reader.TryReadCount(52, out int historyCount)) return false;
            var history = new TreasuryEntry[historyCount];
            for (int seq = 0; seq < historyCount; seq++)
            {
                if (!StateCodec.TryReadOutPoint(ref reader, out var outPoint) || !reader.TryReadInt64(out var total) ||
                    !reader.TryReadInt64(out var previousTotal)) return false;
                history[seq] = new TreasuryEntry(seq, outPoint, new Money(total), new Money(previousTotal));
            }
            var record = new SlotState(slot, sidechain, proposals, bundles, ctip, TreasuryHistory.Of(history));
            if (record.IsEmpty) return false; // non-canonical
            slots.Set(slot, record);
            if (ctip is { } indexed) index.Set(indexed.OutPoint, slot, slots);
        }
        if (!StateCodec.TryReadRecords(ref reader, out var m4Record, out var accepts)) return false;
        state = new DrivechainState(slots, index, m4Record, accepts);
        return true;
    }
}
