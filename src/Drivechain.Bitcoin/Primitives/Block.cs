using System.Collections.Immutable;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>A block: header and transactions (the first is the coinbase).</summary>
public sealed class Block
{
    /// <summary>Creates a block.</summary>
    public Block(BlockHeader header, ImmutableArray<Transaction> transactions)
    {
        Header = header;
        Transactions = transactions.IsDefault ? [] : transactions;
    }

    /// <summary>The header.</summary>
    public BlockHeader Header { get; }

    /// <summary>The transactions, coinbase first.</summary>
    public ImmutableArray<Transaction> Transactions { get; }

    /// <summary>The block hash.</summary>
    public UInt256 Hash => Header.Hash;

    /// <summary>Serialized size with witnesses.</summary>
    public int TotalSize => BlockHeader.Size + BitcoinWriter.CompactSizeLength((ulong)Transactions.Length) + Transactions.Sum(t => t.TotalSize);

    /// <summary>Serialized size without witnesses.</summary>
    public int BaseSize => BlockHeader.Size + BitcoinWriter.CompactSizeLength((ulong)Transactions.Length) + Transactions.Sum(t => t.BaseSize);

    /// <summary>BIP141 block weight.</summary>
    public int Weight => BaseSize * (Transaction.WitnessScaleFactor - 1) + TotalSize;

    /// <summary>The merkle root of the txids and whether the list is mutated (CVE-2012-2459).</summary>
    public UInt256 ComputeMerkleRoot(out bool mutated)
    {
        var ids = new UInt256[Transactions.Length];
        for (int i = 0; i < ids.Length; i++) ids[i] = Transactions[i].TxId;
        return MerkleTree.ComputeRoot(ids, out mutated);
    }

    /// <summary>The merkle root of the wtxids, with the coinbase's wtxid taken as zero (BIP141).</summary>
    public UInt256 ComputeWitnessMerkleRoot(out bool mutated)
    {
        var ids = new UInt256[Transactions.Length];
        for (int i = 1; i < ids.Length; i++) ids[i] = Transactions[i].WTxId;
        return MerkleTree.ComputeRoot(ids, out mutated);
    }

    /// <summary>
    /// Index of the coinbase output holding the witness commitment (the last output whose script starts
    /// <c>6a 24 aa21a9ed</c> and is at least 38 bytes), or -1 (Core's GetWitnessCommitmentIndex).
    /// </summary>
    public int GetWitnessCommitmentIndex()
    {
        if (Transactions.IsEmpty) return -1;
        var outputs = Transactions[0].Outputs;
        for (int i = outputs.Length - 1; i >= 0; i--)
            if (IsWitnessCommitment(outputs[i].ScriptPubKey)) return i;
        return -1;
    }

    /// <summary>True for a BIP141 witness commitment script.</summary>
    public static bool IsWitnessCommitment(Script script)
    {
        var s = script.Span;
        return s.Length >= 38 && s[0] == 0x6a && s[1] == 0x24 && s[2] == 0xaa && s[3] == 0x21 && s[4] == 0xa9 && s[5] == 0xed;
    }

    /// <summary>Writes the block (witness serialization where transactions have witnesses).</summary>
    public void WriteTo(ref BitcoinWriter writer, bool withWitness = true)
    {
        Header.WriteTo(ref writer);
        writer.WriteCompactSize((ulong)Transactions.Length);
        foreach (var tx in Transactions) tx.WriteTo(ref writer, withWitness);
    }

    /// <summary>The serialization.</summary>
    public byte[] ToBytes(bool withWitness = true)
    {
        var bytes = new byte[withWitness ? TotalSize : BaseSize];
        var writer = new BitcoinWriter(bytes);
        WriteTo(ref writer, withWitness);
        return bytes;
    }

    /// <summary>Hex of the serialization.</summary>
    public string ToHex() => Convert.ToHexStringLower(ToBytes());

    /// <summary>Parses a whole buffer as one block; throws <see cref="ParseException"/> on malformed bytes.</summary>
    public static Block Parse(ReadOnlyMemory<byte> bytes)
    {
        if (!TryParse(bytes, out var block, out var error)) throw new ParseException(error, "block");
        return block;
    }

    /// <summary>Parses hex; throws <see cref="ParseException"/> on bad hex or malformed bytes.</summary>
    public static Block Parse(string hex)
    {
        if (hex.Length % 2 != 0 || !Transaction.IsHex(hex)) throw new ParseException(new ParseError(ParseErrorKind.InvalidText, 0), "block");
        return Parse(Convert.FromHexString(hex));
    }

    /// <summary>
    /// Parses a whole buffer as one block (trailing bytes are an error). Transactions share the buffer;
    /// never throws on malformed input.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Block? block, out ParseError error)
    {
        block = null;
        var reader = new BitcoinReader(bytes.Span);
        if (!BlockHeader.TryRead(ref reader, out var header) || !reader.TryReadCount(Transaction.MinTransactionSize, out var count))
        {
            error = reader.Error;
            return false;
        }
        var transactions = ImmutableArray.CreateBuilder<Transaction>(count);
        for (int i = 0; i < count; i++)
        {
            if (!Transaction.TryRead(bytes, ref reader, out var tx, out error)) return false;
            transactions.Add(tx);
        }
        if (reader.Remaining != 0)
        {
            error = new ParseError(ParseErrorKind.TrailingBytes, reader.Position);
            return false;
        }
        block = new Block(header, transactions.MoveToImmutable());
        error = ParseError.None;
        return true;
    }
}
