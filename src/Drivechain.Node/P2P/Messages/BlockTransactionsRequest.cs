using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Node.P2P.Messages;

/// <summary>BIP152 <c>getblocktxn</c>: the absolute indexes (ascending, differentially encoded on the wire) of a block's transactions.</summary>
public sealed record BlockTransactionsRequest(UInt256 BlockHash, ImmutableArray<int> Indexes)
{
    public byte[] ToBytes()
    {
        var size = UInt256.Size + BitcoinWriter.CompactSizeLength((ulong)Indexes.Length);
        var previous = -1;
        foreach (var index in Indexes)
        {
            size += BitcoinWriter.CompactSizeLength((ulong)(index - previous - 1));
            previous = index;
        }
        var bytes = new byte[size];
        var writer = new BitcoinWriter(bytes);
        writer.WriteUInt256(BlockHash);
        writer.WriteCompactSize((ulong)Indexes.Length);
        previous = -1;
        foreach (var index in Indexes)
        {
            writer.WriteCompactSize((ulong)(index - previous - 1));
            previous = index;
        }
        return bytes;
    }

    /// <summary>False for truncated or trailing bytes, a count the payload cannot hold, or an index past 16 bits (Core's "indexes overflowed 16 bits").</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out BlockTransactionsRequest? request)
    {
        request = null;
        var reader = new BitcoinReader(payload);
        if (!reader.TryReadUInt256(out var hash) || !reader.TryReadCount(1, out var count) || count > CompactBlock.MaxTransactions) return false;
        var indexes = ImmutableArray.CreateBuilder<int>(count);
        var index = -1;
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadCompactSize(out var delta) || delta > CompactBlock.MaxTransactions) return false;
            index += (int)delta + 1;
            if (index > CompactBlock.MaxTransactions) return false;
            indexes.Add(index);
        }
        if (reader.Remaining != 0) return false;
        request = new BlockTransactionsRequest(hash, indexes.MoveToImmutable());
        return true;
    }
}
