using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus.State;

/// <summary>Field encodings shared by <see cref="DrivechainState"/> and <see cref="BlockUndo"/>.</summary>
internal static class StateCodec
{
    public static void WriteSidechain(ByteSink sink, Sidechain sidechain)
    {
        sink.WriteVarBytes(sidechain.Description.AsSpan());
        sink.WriteUInt16(sidechain.Acks);
        sink.WriteInt32(sidechain.ProposalHeight);
        sink.WriteInt32(sidechain.ActivationHeight);
    }

    public static bool TryReadSidechain(ref BitcoinReader reader, byte slot, out Sidechain? sidechain)
    {
        sidechain = null;
        if (!reader.TryReadVarBytes(out var description) || !reader.TryReadUInt16(out var acks) ||
            !reader.TryReadInt32(out var proposalHeight) || !reader.TryReadInt32(out var activationHeight)) return false;
        var d = description.ToArray();
        sidechain = new Sidechain(slot, [.. d], Bitcoin.Crypto.Hashes.Sha256d(d), acks, proposalHeight, activationHeight);
        return true;
    }

    public static void WriteProposals(ByteSink sink, ImmutableArray<SidechainProposal> proposals)
    {
        sink.WriteCompactSize((ulong)proposals.Length);
        foreach (var p in proposals)
        {
            sink.WriteVarBytes(p.Description.AsSpan());
            sink.WriteUInt16(p.Acks);
            sink.WriteInt32(p.ProposalHeight);
        }
    }

    public static bool TryReadProposals(ref BitcoinReader reader, byte slot, out ImmutableArray<SidechainProposal> proposals)
    {
        proposals = default;
        if (!reader.TryReadCount(7, out int count)) return false;
        var builder = ImmutableArray.CreateBuilder<SidechainProposal>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadVarBytes(out var description) || !reader.TryReadUInt16(out var acks) ||
                !reader.TryReadInt32(out var height)) return false;
            builder.Add(new SidechainProposal(slot, [.. description], acks, height));
        }
        proposals = builder.MoveToImmutable();
        return true;
    }

    public static void WriteBundles(ByteSink sink, ImmutableArray<BundleKey> keys, ImmutableArray<ushort> acks)
    {
        sink.WriteCompactSize((ulong)keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            sink.WriteUInt256(keys[i].M6Id.Hash);
            sink.WriteUInt16(acks[i]);
            sink.WriteInt32(keys[i].ProposalHeight);
        }
    }

    public static bool TryReadBundles(ref BitcoinReader reader, out ImmutableArray<PendingBundle> bundles)
    {
        bundles = default;
        if (!reader.TryReadCount(38, out int count)) return false;
        var builder = ImmutableArray.CreateBuilder<PendingBundle>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt256(out var id) || !reader.TryReadUInt16(out var acks) || !reader.TryReadInt32(out var height)) return false;
            builder.Add(new PendingBundle(new M6Id(id), acks, height));
        }
        bundles = builder.MoveToImmutable();
        return true;
    }

    public static void WriteOutPoint(ByteSink sink, OutPoint outPoint)
    {
        sink.WriteUInt256(outPoint.TxId);
        sink.WriteUInt32(outPoint.Index);
    }

    public static bool TryReadOutPoint(ref BitcoinReader reader, out OutPoint outPoint)
    {
        outPoint = default;
        if (!reader.TryReadUInt256(out var txid) || !reader.TryReadUInt32(out var index)) return false;
        outPoint = new OutPoint(txid, index);
        return true;
    }

    public static void WriteCtip(ByteSink sink, Ctip ctip)
    {
        WriteOutPoint(sink, ctip.OutPoint);
        sink.WriteInt64(ctip.Value.Satoshis);
    }

    public static bool TryReadCtip(ref BitcoinReader reader, out Ctip ctip)
    {
        ctip = default;
        if (!TryReadOutPoint(ref reader, out var outPoint) || !reader.TryReadInt64(out var value)) return false;
        ctip = new Ctip(outPoint, new Money(value));
        return true;
    }

    public static void WriteRecords(ByteSink sink, ImmutableArray<M4Action> m4Record, ImmutableArray<BmmAccept> accepts)
    {
        sink.WriteCompactSize((ulong)m4Record.Length);
        foreach (var action in m4Record)
        {
            sink.WriteByte(action.Slot);
            sink.WriteByte((byte)action.Kind);
            if (action.Kind == M4ActionKind.Upvote) sink.WriteUInt256(action.M6Id.Hash);
        }
        WriteBmmAccepts(sink, accepts);
    }

    public static bool TryReadRecords(ref BitcoinReader reader, out ImmutableArray<M4Action> m4Record, out ImmutableArray<BmmAccept> accepts)
    {
        m4Record = default;
        accepts = default;
        if (!reader.TryReadCount(2, out int m4Count)) return false;
        var actions = ImmutableArray.CreateBuilder<M4Action>(m4Count);
        int previous = -1;
        for (int i = 0; i < m4Count; i++)
        {
            if (!reader.TryReadByte(out var slot) || !reader.TryReadByte(out var kind) || slot <= previous) return false;
            previous = slot;
            switch ((M4ActionKind)kind)
            {
                case M4ActionKind.Upvote:
                    if (!reader.TryReadUInt256(out var id)) return false;
                    actions.Add(M4Action.Upvote(slot, new M6Id(id)));
                    break;
                case M4ActionKind.Alarm:
                    actions.Add(M4Action.Alarm(slot));
                    break;
                default:
                    return false;
            }
        }
        if (!TryReadBmmAccepts(ref reader, out accepts)) return false;
        m4Record = actions.MoveToImmutable();
        return true;
    }

    private const byte UpvoteByIndex = 3;

    /// <summary>
    /// The parent's M4 record in an undo: an upvote whose bundle is in the parent's pending list is written
    /// as its index there (the list <see cref="BlockUndo.Revert"/> restores), otherwise by M6ID.
    /// </summary>
    public static void WriteUndoRecords(ByteSink sink, ImmutableArray<M4Action> m4Record, ImmutableArray<int> indexes, ImmutableArray<BmmAccept> accepts)
    {
        sink.WriteCompactSize((ulong)m4Record.Length);
        for (int i = 0; i < m4Record.Length; i++)
        {
            var action = m4Record[i];
            sink.WriteByte(action.Slot);
            if (action.Kind == M4ActionKind.Upvote && indexes[i] >= 0)
            {
                sink.WriteByte(UpvoteByIndex);
                sink.WriteCompactSize((ulong)indexes[i]);
                continue;
            }
            sink.WriteByte((byte)action.Kind);
            if (action.Kind == M4ActionKind.Upvote) sink.WriteUInt256(action.M6Id.Hash);
        }
        WriteBmmAccepts(sink, accepts);
    }

    /// <summary>Reads <see cref="WriteUndoRecords"/>; by-index upvotes get a default M6ID and their index (else −1).</summary>
    public static bool TryReadUndoRecords(ref BitcoinReader reader, out ImmutableArray<M4Action> m4Record, out ImmutableArray<int> indexes,
        out ImmutableArray<BmmAccept> accepts)
    {
        m4Record = default;
        indexes = default;
        accepts = default;
        if (!reader.TryReadCount(2, out int m4Count)) return false;
        var actions = ImmutableArray.CreateBuilder<M4Action>(m4Count);
        var indexBuilder = ImmutableArray.CreateBuilder<int>(m4Count);
        int previous = -1;
        for (int i = 0; i < m4Count; i++)
        {
            if (!reader.TryReadByte(out var slot) || !reader.TryReadByte(out var kind) || slot <= previous) return false;
            previous = slot;
            switch (kind)
            {
                case (byte)M4ActionKind.Upvote:
                    if (!reader.TryReadUInt256(out var id)) return false;
                    actions.Add(M4Action.Upvote(slot, new M6Id(id)));
                    indexBuilder.Add(-1);
                    break;
                case (byte)M4ActionKind.Alarm:
                    actions.Add(M4Action.Alarm(slot));
                    indexBuilder.Add(-1);
                    break;
                case UpvoteByIndex:
                    if (!reader.TryReadCompactSize(out var index) || index > ushort.MaxValue) return false;
                    actions.Add(M4Action.Upvote(slot, default));
                    indexBuilder.Add((int)index);
                    break;
                default:
                    return false;
            }
        }
        if (!TryReadBmmAccepts(ref reader, out accepts)) return false;
        m4Record = actions.MoveToImmutable();
        indexes = indexBuilder.MoveToImmutable();
        return true;
    }

    /// <summary>count ‖ per accept: slot (1) ‖ h* (32).</summary>
    private static void WriteBmmAccepts(ByteSink sink, ImmutableArray<BmmAccept> accepts)
    {
        sink.WriteCompactSize((ulong)accepts.Length);
        foreach (var accept in accepts)
        {
            sink.WriteByte(accept.Slot);
            sink.WriteUInt256(accept.SidechainBlockHash);
        }
    }

    /// <summary>Reads what <see cref="WriteBmmAccepts"/> wrote.</summary>
    private static bool TryReadBmmAccepts(ref BitcoinReader reader, out ImmutableArray<BmmAccept> accepts)
    {
        accepts = default;
        if (!reader.TryReadCount(33, out int count)) return false;
        var builder = ImmutableArray.CreateBuilder<BmmAccept>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadByte(out var slot) || !reader.TryReadUInt256(out var hash)) return false;
            builder.Add(new BmmAccept(slot, hash));
        }
        accepts = builder.MoveToImmutable();
        return true;
    }
}
