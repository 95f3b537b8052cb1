using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Node.P2P.Messages;

/// <summary>BIP152 <c>blocktxn</c>: the transactions a getblocktxn asked for, in the order asked, with witnesses.</summary>
public sealed record BlockTransactions(UInt256 BlockHash, ImmutableArray<Transaction> Transactions)
{
    public byte[] ToBytes()
    {
        var bytes = new byte[UInt256.Size + BitcoinWriter.CompactSizeLength((ulong)Transactions.Length) + Transactions.Sum(t => t.TotalSize)];
        var writer = new BitcoinWriter(bytes);
        writer.WriteUInt256(BlockHash);
        writer.WriteCompactSize((ulong)Transactions.Length);
        foreach (var tx in Transactions) tx.WriteTo(ref writer);
        return bytes;
    }

    public static bool TryParse(ReadOnlyMemory<byte> payload, [NotNullWhen(true)] out BlockTransactions? message)
    {
        message = null;
        var reader = new BitcoinReader(payload.Span);
        if (!reader.TryReadUInt256(out var hash) || !reader.TryReadCount(CompactBlock.MinTransactionSize, out var count)
            || count > CompactBlock.MaxTransactions) return false;
        var transactions = ImmutableArray.CreateBuilder<Transaction>(count);
        for (var i = 0; i < count; i++)
        {
            if (!Transaction.TryRead(payload, ref reader, out var tx, out _)) return false;
            transactions.Add(tx);
        }
        if (reader.Remaining != 0) return false;
        message = new BlockTransactions(hash, transactions.MoveToImmutable());
        return true;
    }
}
