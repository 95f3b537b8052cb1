using System.Buffers;
using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>
/// An immutable transaction. Its txid, wtxid and sizes are computed once, when it is built or parsed.
/// Identity (equality) is the wtxid.
/// </summary>
public sealed partial class Transaction : IEquatable<Transaction>
{
    /// <summary>Witness scale factor of BIP141.</summary>
    public const int WitnessScaleFactor = 4;

    /// <summary>The smallest possible serialized input: outpoint 36 + script length 1 + sequence 4.</summary>
    internal const int MinTxInSize = 41;

    /// <summary>The smallest possible serialized output: value 8 + script length 1.</summary>
    internal const int MinTxOutSize = 9;

    /// <summary>The smallest possible serialized transaction: version, two counts, lock time.</summary>
    internal const int MinTransactionSize = 10;

    /// <summary>Builds a transaction and computes its hashes.</summary>
    public Transaction(uint version, ImmutableArray<TxIn> inputs, ImmutableArray<TxOut> outputs, uint lockTime)
    {
        Version = version;
        Inputs = inputs.IsDefault ? [] : inputs;
        Outputs = outputs.IsDefault ? [] : outputs;
        LockTime = lockTime;
        HasWitness = Inputs.Any(i => !i.Witness.IsEmpty);
        BaseSize = ComputeSize(withWitness: false);
        TotalSize = HasWitness ? ComputeSize(withWitness: true) : BaseSize;
        var buffer = ArrayPool<byte>.Shared.Rent(TotalSize);
        try
        {
            var writer = new BitcoinWriter(buffer);
            WriteTo(ref writer, withWitness: false);
            TxId = Hashes.Sha256d(writer.Written);
            if (HasWitness)
            {
                writer = new BitcoinWriter(buffer);
                WriteTo(ref writer, withWitness: true);
                WTxId = Hashes.Sha256d(writer.Written);
            }
            else
            {
                WTxId = TxId;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Used by the parser, which hashes the bytes it already has.
    private Transaction(uint version, ImmutableArray<TxIn> inputs, ImmutableArray<TxOut> outputs, uint lockTime,
        bool hasWitness, int baseSize, int totalSize, UInt256 txId, UInt256 wtxId)
    {
        Version = version;
        Inputs = inputs;
        Outputs = outputs;
        LockTime = lockTime;
        HasWitness = hasWitness;
        BaseSize = baseSize;
        TotalSize = totalSize;
        TxId = txId;
        WTxId = wtxId;
    }

    /// <summary>nVersion.</summary>
    public uint Version { get; }

    /// <summary>The inputs.</summary>
    public ImmutableArray<TxIn> Inputs { get; }

    /// <summary>The outputs.</summary>
    public ImmutableArray<TxOut> Outputs { get; }

    /// <summary>nLockTime.</summary>
    public uint LockTime { get; }

    /// <summary>True when some input has a non-empty witness (so the BIP144 form is used).</summary>
    public bool HasWitness { get; }

    /// <summary>The txid: double SHA-256 of the serialization without witness.</summary>
    public UInt256 TxId { get; }

    /// <summary>The wtxid: double SHA-256 of the full serialization (equals the txid without witness).</summary>
    public UInt256 WTxId { get; }

    /// <summary>Size of the serialization without witness ("stripped size").</summary>
    public int BaseSize { get; }

    /// <summary>Size of the full serialization.</summary>
    public int TotalSize { get; }

    /// <summary>BIP141 weight: base size × 3 + total size.</summary>
    public int Weight => BaseSize * (WitnessScaleFactor - 1) + TotalSize;

    /// <summary>Virtual size: weight / 4, rounded up.</summary>
    public int VirtualSize => (Weight + WitnessScaleFactor - 1) / WitnessScaleFactor;

    /// <summary>True for a coinbase: exactly one input, spending the null prevout.</summary>
    public bool IsCoinbase => Inputs.Length == 1 && Inputs[0].PrevOut.IsNull;

    /// <summary>Sum of the output values (unchecked: validate ranges first).</summary>
    public long TotalOutputSatoshis
    {
        get
        {
            long sum = 0;
            foreach (var output in Outputs) sum += output.Value.Satoshis;
            return sum;
        }
    }

    private int ComputeSize(bool withWitness)
    {
        int size = 4 + BitcoinWriter.CompactSizeLength((ulong)Inputs.Length) + BitcoinWriter.CompactSizeLength((ulong)Outputs.Length) + 4;
        foreach (var input in Inputs) size += input.SerializedSize;
        foreach (var output in Outputs) size += output.SerializedSize;
        if (withWitness)
        {
            size += 2;
            foreach (var input in Inputs) size += input.Witness.SerializedSize;
        }
        return size;
    }

    /// <summary>Serialized size in the chosen form.</summary>
    public int GetSerializedSize(bool withWitness = true) => withWitness && HasWitness ? TotalSize : BaseSize;

    /// <summary>Writes the transaction; the BIP144 form is used when <paramref name="withWitness"/> and it has witnesses.</summary>
    public void WriteTo(ref BitcoinWriter writer, bool withWitness = true)
    {
        bool witness = withWitness && HasWitness;
        writer.WriteUInt32(Version);
        if (witness)
        {
            writer.WriteByte(0);
            writer.WriteByte(1);
        }
        writer.WriteCompactSize((ulong)Inputs.Length);
        foreach (var input in Inputs)
        {
            writer.WriteUInt256(input.PrevOut.TxId);
            writer.WriteUInt32(input.PrevOut.Index);
            writer.WriteVarBytes(input.ScriptSig.Span);
            writer.WriteUInt32(input.Sequence);
        }
        writer.WriteCompactSize((ulong)Outputs.Length);
        foreach (var output in Outputs)
        {
            writer.WriteInt64(output.Value.Satoshis);
            writer.WriteVarBytes(output.ScriptPubKey.Span);
        }
        if (witness)
        {
            foreach (var input in Inputs)
            {
                writer.WriteCompactSize((ulong)input.Witness.Count);
                foreach (var item in input.Witness.Items) writer.WriteVarBytes(item.Span);
            }
        }
        writer.WriteUInt32(LockTime);
    }

    /// <summary>The serialization (BIP144 form when it has witnesses and <paramref name="withWitness"/>).</summary>
    public byte[] ToBytes(bool withWitness = true)
    {
        var bytes = new byte[GetSerializedSize(withWitness)];
        var writer = new BitcoinWriter(bytes);
        WriteTo(ref writer, withWitness);
        return bytes;
    }

    /// <summary>Hex of <see cref="ToBytes"/>.</summary>
    public string ToHex(bool withWitness = true) => Convert.ToHexStringLower(ToBytes(withWitness));

    /// <inheritdoc />
    public bool Equals(Transaction? other) => other is not null && WTxId == other.WTxId;
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Transaction);
    /// <inheritdoc />
    public override int GetHashCode() => WTxId.GetHashCode();
    /// <summary>The display txid.</summary>
    public override string ToString() => TxId.ToString();
}
