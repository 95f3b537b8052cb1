using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Validation;

public sealed partial class CoinsDelta
{
    // Entry: txid (32) + index (4) + height·2 + coinbase (4) + value (8) + var-bytes script (≥ 1).
    private const int MinEntrySize = 49;

    /// <summary>
    /// Size of <see cref="WriteTo"/>'s output: a CompactSize count and the entries of <see cref="Spent"/>, then the same
    /// for <see cref="Created"/>; an entry is txid, output index (uint32), height × 2 + coinbase flag (uint32), value
    /// (int64) and the script as var-bytes.
    /// </summary>
    public int SerializedSize => ListSize(Spent) + ListSize(Created);

    /// <summary>Writes the delta (for storing undo data).</summary>
    public void WriteTo(ref BitcoinWriter writer)
    {
        WriteList(ref writer, Spent);
        WriteList(ref writer, Created);
    }

    /// <summary>The serialization of <see cref="WriteTo"/>.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[SerializedSize];
        var writer = new BitcoinWriter(bytes);
        WriteTo(ref writer);
        return bytes;
    }

    /// <summary>Reads a whole buffer written by <see cref="WriteTo"/>; never throws on malformed input.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out CoinsDelta? delta, out ParseError error)
    {
        delta = null;
        var reader = new BitcoinReader(bytes);
        if (!TryReadList(ref reader, out var spent) || !TryReadList(ref reader, out var created))
        {
            error = reader.Error;
            return false;
        }
        if (reader.Remaining != 0)
        {
            error = new ParseError(ParseErrorKind.TrailingBytes, reader.Position);
            return false;
        }
        delta = new CoinsDelta(spent, created);
        error = ParseError.None;
        return true;
    }

    private static int ListSize(ImmutableArray<CoinEntry> entries)
    {
        int size = BitcoinWriter.CompactSizeLength((ulong)entries.Length);
        foreach (var entry in entries) size += 48 + BitcoinWriter.VarBytesLength(entry.Coin.Output.ScriptPubKey.Length);
        return size;
    }

    private static void WriteList(ref BitcoinWriter writer, ImmutableArray<CoinEntry> entries)
    {
        writer.WriteCompactSize((ulong)entries.Length);
        foreach (var entry in entries)
        {
            writer.WriteUInt256(entry.OutPoint.TxId);
            writer.WriteUInt32(entry.OutPoint.Index);
            writer.WriteUInt32(((uint)entry.Coin.Height << 1) | (entry.Coin.IsCoinbase ? 1u : 0u));
            writer.WriteInt64(entry.Coin.Output.Value.Satoshis);
            writer.WriteVarBytes(entry.Coin.Output.ScriptPubKey.Span);
        }
    }

    private static bool TryReadList(ref BitcoinReader reader, out ImmutableArray<CoinEntry> entries)
    {
        entries = default;
        if (!reader.TryReadCount(MinEntrySize, out int count)) return false;
        var builder = ImmutableArray.CreateBuilder<CoinEntry>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt256(out var txid) || !reader.TryReadUInt32(out var index) || !reader.TryReadUInt32(out var code)
                || !reader.TryReadInt64(out var value) || !reader.TryReadVarBytes(out var script))
                return false;
            var coin = new Coin(new TxOut(new Money(value), Script.CopyOf(script)), (int)(code >> 1), (code & 1) != 0);
            builder.Add(new CoinEntry(new OutPoint(txid, index), coin));
        }
        entries = builder.MoveToImmutable();
        return true;
    }
}
