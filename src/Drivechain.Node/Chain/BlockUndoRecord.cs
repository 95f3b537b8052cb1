using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Chain;

/// <summary>
/// What disconnecting a block needs: the coins its transactions spent (with their outpoints) and the
/// drivechain undo. The coins a block created are recomputed from the block itself.
/// </summary>
internal sealed record BlockUndoRecord(ImmutableArray<CoinEntry> Spent, BlockUndo Drivechain)
{
    /// <summary>count ‖ per coin: txid, index, height·2+coinbase (u32), value (i64), script (var bytes).</summary>
    public byte[] SerializeSpent()
    {
        int size = BitcoinWriter.CompactSizeLength((ulong)Spent.Length);
        foreach (var (_, coin) in Spent) size += 32 + 4 + 4 + 8 + BitcoinWriter.VarBytesLength(coin.Output.ScriptPubKey.Length);
        var bytes = new byte[size];
        var writer = new BitcoinWriter(bytes);
        writer.WriteCompactSize((ulong)Spent.Length);
        foreach (var (outPoint, coin) in Spent)
        {
            writer.WriteUInt256(outPoint.TxId);
            writer.WriteUInt32(outPoint.Index);
            writer.WriteUInt32(((uint)coin.Height << 1) | (coin.IsCoinbase ? 1u : 0u));
            writer.WriteInt64(coin.Output.Value.Satoshis);
            writer.WriteVarBytes(coin.Output.ScriptPubKey.Span);
        }
        return bytes;
    }

    /// <summary>Reads what <see cref="SerializeSpent"/> wrote; our own data, so damage is an <see cref="IOException"/>.</summary>
    public static ImmutableArray<CoinEntry> ParseSpent(ReadOnlySpan<byte> bytes)
    {
        var reader = new BitcoinReader(bytes);
        if (!reader.TryReadCompactSize(out var count, rangeCheck: false)) throw new IOException("undo data: bad count");
        var spent = ImmutableArray.CreateBuilder<CoinEntry>((int)count);
        for (ulong i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt256(out var txId) || !reader.TryReadUInt32(out var index) || !reader.TryReadUInt32(out var packed)
                || !reader.TryReadInt64(out var value) || !reader.TryReadVarBytes(out var script))
                throw new IOException("undo data: truncated");
            var coin = new Coin(new TxOut(new Money(value), new Script(script.ToArray())), (int)(packed >> 1), (packed & 1) != 0);
            spent.Add(new CoinEntry(new OutPoint(txId, index), coin));
        }
        return spent.MoveToImmutable();
    }
}
