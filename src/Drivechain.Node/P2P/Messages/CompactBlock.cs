using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Node.P2P.CompactBlocks;

namespace Drivechain.Node.P2P.Messages;

/// <summary>
/// BIP152 <c>cmpctblock</c> (Core's CBlockHeaderAndShortTxIDs): header, nonce, 6-byte short ids in block order for the
/// transactions not sent in full, and the prefilled transactions (indexes differentially encoded on the wire).
/// </summary>
public sealed class CompactBlock
{
    /// <summary>Core's limit on a compact block's transaction count (indexes are 16-bit).</summary>
    public const int MaxTransactions = ushort.MaxValue;

    /// <summary>Smallest serialised transaction (version, empty input and output counts, lock time).</summary>
    internal const int MinTransactionSize = 10;

    public CompactBlock(BlockHeader header, ulong nonce, ImmutableArray<ulong> shortIds, ImmutableArray<PrefilledTransaction> prefilled)
    {
        Header = header;
        Nonce = nonce;
        ShortIds = shortIds;
        Prefilled = prefilled;
        Key = ShortIdKey.For(header, nonce);
    }

    public BlockHeader Header { get; }
    public ulong Nonce { get; }
    public ImmutableArray<ulong> ShortIds { get; }
    public ImmutableArray<PrefilledTransaction> Prefilled { get; }

    /// <summary>The SipHash key of this block and nonce.</summary>
    public ShortIdKey Key { get; }

    public int TransactionCount => ShortIds.Length + Prefilled.Length;

    /// <summary>Core's construction: the coinbase prefilled, every other transaction by the short id of its wtxid.</summary>
    public static CompactBlock FromBlock(Block block, ulong nonce)
    {
        var key = ShortIdKey.For(block.Header, nonce);
        var shortIds = ImmutableArray.CreateBuilder<ulong>(Math.Max(0, block.Transactions.Length - 1));
        for (var i = 1; i < block.Transactions.Length; i++) shortIds.Add(key.ShortId(block.Transactions[i].WTxId));
        return new CompactBlock(block.Header, nonce, shortIds.MoveToImmutable(), [new PrefilledTransaction(0, block.Transactions[0])]);
    }

    public byte[] ToBytes()
    {
        var size = BlockHeader.Size + 8 + BitcoinWriter.CompactSizeLength((ulong)ShortIds.Length) + 6 * ShortIds.Length
                   + BitcoinWriter.CompactSizeLength((ulong)Prefilled.Length);
        var previous = -1;
        foreach (var p in Prefilled)
        {
            size += BitcoinWriter.CompactSizeLength((ulong)(p.Index - previous - 1)) + p.Transaction.TotalSize;
            previous = p.Index;
        }
        var bytes = new byte[size];
        var writer = new BitcoinWriter(bytes);
        Header.WriteTo(ref writer);
        writer.WriteUInt64(Nonce);
        writer.WriteCompactSize((ulong)ShortIds.Length);
        foreach (var id in ShortIds)
        {
            writer.WriteUInt32((uint)id);
            writer.WriteUInt16((ushort)(id >> 32));
        }
        writer.WriteCompactSize((ulong)Prefilled.Length);
        previous = -1;
        foreach (var p in Prefilled)
        {
            writer.WriteCompactSize((ulong)(p.Index - previous - 1));
            p.Transaction.WriteTo(ref writer);
            previous = p.Index;
        }
        return bytes;
    }

    /// <summary>
    /// Parses a cmpctblock payload. False for truncated or trailing bytes, counts the payload cannot hold, a prefilled
    /// index past 16 bits, or more than <see cref="MaxTransactions"/> transactions in all.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out CompactBlock? block)
    {
        block = null;
        var reader = new BitcoinReader(payload.Span);
        if (!BlockHeader.TryRead(ref reader, out var header) || !reader.TryReadUInt64(out var nonce)) return false;
        if (!reader.TryReadCount(6, out var idCount) || idCount > MaxTransactions) return false;
        var ids = ImmutableArray.CreateBuilder<ulong>(idCount);
        for (var i = 0; i < idCount; i++)
        {
            reader.TryReadUInt32(out var low);
            reader.TryReadUInt16(out var high);
            ids.Add(low | (ulong)high << 32);
        }
        if (!reader.TryReadCount(1 + MinTransactionSize, out var prefilledCount) || idCount + prefilledCount > MaxTransactions) return false;
        var prefilled = ImmutableArray.CreateBuilder<PrefilledTransaction>(prefilledCount);
        var index = -1;
        for (var i = 0; i < prefilledCount; i++)
        {
            if (!reader.TryReadCompactSize(out var delta) || delta > MaxTransactions) return false;
            index += (int)delta + 1;
            if (index > MaxTransactions) return false;
            if (!Transaction.TryRead(payload, ref reader, out var tx, out _)) return false;
            prefilled.Add(new PrefilledTransaction(index, tx));
        }
        if (reader.Remaining != 0) return false;
        block = new CompactBlock(header, nonce, ids.MoveToImmutable(), prefilled.MoveToImmutable());
        return true;
    }
}
