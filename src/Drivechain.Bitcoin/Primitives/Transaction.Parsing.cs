using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Primitives;

public sealed partial class Transaction
{
    /// <summary>Parses a whole buffer as one transaction; throws <see cref="ParseException"/> on malformed bytes.</summary>
    public static Transaction Parse(ReadOnlyMemory<byte> bytes)
    {
        if (!TryParse(bytes, out var tx, out var error)) throw new ParseException(error, "transaction");
        return tx;
    }

    /// <summary>Parses hex; throws <see cref="ParseException"/> on bad hex or malformed bytes.</summary>
    public static Transaction Parse(string hex)
    {
        if (!TryParseHex(hex, out var tx, out var error)) throw new ParseException(error, "transaction");
        return tx;
    }

    /// <summary>Parses hex; false (with the error) on bad hex or malformed bytes.</summary>
    public static bool TryParseHex(string hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Transaction? tx, out ParseError error)
    {
        tx = null;
        if (hex.Length % 2 != 0 || !IsHex(hex))
        {
            error = new ParseError(ParseErrorKind.InvalidText, 0);
            return false;
        }
        return TryParse(Convert.FromHexString(hex), out tx, out error);
    }

    internal static bool IsHex(string text)
    {
        foreach (var c in text)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    /// <summary>
    /// Parses a whole buffer as one transaction (trailing bytes are an error). Scripts and witness
    /// items share <paramref name="bytes"/>; never throws on malformed input.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Transaction? tx, out ParseError error)
    {
        var reader = new BitcoinReader(bytes.Span);
        if (!TryRead(bytes, ref reader, out tx, out error)) return false;
        if (reader.Remaining != 0)
        {
            tx = null;
            error = new ParseError(ParseErrorKind.TrailingBytes, reader.Position);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Reads one transaction at the reader's position. <paramref name="source"/> must be the memory the
    /// reader walks, so that scripts can be sliced from it without copying.
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> source, ref BitcoinReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Transaction? tx, out ParseError error)
    {
        tx = null;
        int start = reader.Position;
        if (!reader.TryReadUInt32(out var version)) return Fail(ref reader, out error);
        int afterVersion = reader.Position;

        if (!TryReadInputs(source, ref reader, out var inputs)) return Fail(ref reader, out error);
        byte flags = 0;
        ImmutableArray<TxOut> outputs;
        int ioStart = afterVersion;
        if (inputs.Length == 0)
        {
            // Marker found (or a genuinely empty input list): Core reads the flag byte next.
            if (!reader.TryReadByte(out flags)) return Fail(ref reader, out error);
            if (flags != 0)
            {
                ioStart = reader.Position;
                if (!TryReadInputs(source, ref reader, out inputs)) return Fail(ref reader, out error);
                if (!TryReadOutputs(source, ref reader, out outputs)) return Fail(ref reader, out error);
            }
            else
            {
                outputs = [];
            }
        }
        else if (!TryReadOutputs(source, ref reader, out outputs))
        {
            return Fail(ref reader, out error);
        }
        int ioEnd = reader.Position;

        bool hasWitness = false;
        if ((flags & 1) != 0)
        {
            flags ^= 1;
            var builder = inputs.ToBuilder();
            for (int i = 0; i < builder.Count; i++)
            {
                if (!TryReadWitness(source, ref reader, out var witness)) return Fail(ref reader, out error);
                if (!witness.IsEmpty)
                {
                    hasWitness = true;
                    builder[i] = builder[i] with { Witness = witness };
                }
            }
            if (!hasWitness)
            {
                error = new ParseError(ParseErrorKind.SuperfluousWitness, reader.Position);
                return false;
            }
            inputs = builder.MoveToImmutable();
        }
        if (flags != 0)
        {
            error = new ParseError(ParseErrorKind.UnknownWitnessFlag, reader.Position);
            return false;
        }
        if (!reader.TryReadUInt32(out var lockTime)) return Fail(ref reader, out error);
        int end = reader.Position;

        var span = source.Span;
        var full = span[start..end];
        UInt256 txId, wtxId;
        int baseSize;
        if (!hasWitness)
        {
            // The empty-vin-empty-vout form (marker 00, flag 00) re-serializes as 00 00 as well.
            txId = Hashes.Sha256d(full);
            wtxId = txId;
            baseSize = full.Length;
        }
        else
        {
            wtxId = Hashes.Sha256d(full);
            baseSize = 4 + (ioEnd - ioStart) + 4;
            var hasher = new Sha256Hasher();
            hasher.Append(span.Slice(start, 4));
            hasher.Append(span[ioStart..ioEnd]);
            hasher.Append(span.Slice(end - 4, 4));
            Span<byte> digest = stackalloc byte[32];
            hasher.Finish(digest);
            Sha256Hasher.Hash(digest, digest);
            txId = new UInt256(digest);
        }
        tx = new Transaction(version, inputs, outputs, lockTime, hasWitness, baseSize, full.Length, txId, wtxId);
        error = ParseError.None;
        return true;
    }

    private static bool Fail(ref BitcoinReader reader, out ParseError error)
    {
        error = reader.Error;
        return false;
    }

    private static bool TryReadInputs(ReadOnlyMemory<byte> source, ref BitcoinReader reader, out ImmutableArray<TxIn> inputs)
    {
        inputs = default;
        if (!reader.TryReadCount(MinTxInSize, out var count)) return false;
        var builder = ImmutableArray.CreateBuilder<TxIn>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadUInt256(out var prevHash) || !reader.TryReadUInt32(out var prevIndex)) return false;
            if (!TryReadScript(source, ref reader, out var scriptSig)) return false;
            if (!reader.TryReadUInt32(out var sequence)) return false;
            builder.Add(new TxIn(new OutPoint(prevHash, prevIndex), scriptSig, sequence, Witness.Empty));
        }
        inputs = builder.MoveToImmutable();
        return true;
    }

    private static bool TryReadOutputs(ReadOnlyMemory<byte> source, ref BitcoinReader reader, out ImmutableArray<TxOut> outputs)
    {
        outputs = default;
        if (!reader.TryReadCount(MinTxOutSize, out var count)) return false;
        var builder = ImmutableArray.CreateBuilder<TxOut>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadInt64(out var value)) return false;
            if (!TryReadScript(source, ref reader, out var script)) return false;
            builder.Add(new TxOut(new Money(value), script));
        }
        outputs = builder.MoveToImmutable();
        return true;
    }

    private static bool TryReadScript(ReadOnlyMemory<byte> source, ref BitcoinReader reader, out Script script)
    {
        script = default;
        if (!reader.TryReadVarBytes(out var bytes)) return false;
        script = new Script(source.Slice(reader.Position - bytes.Length, bytes.Length));
        return true;
    }

    private static bool TryReadWitness(ReadOnlyMemory<byte> source, ref BitcoinReader reader, out Witness witness)
    {
        witness = Witness.Empty;
        if (!reader.TryReadCount(1, out var count)) return false;
        if (count == 0) return true;
        var builder = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadVarBytes(out var item)) return false;
            builder.Add(source.Slice(reader.Position - item.Length, item.Length));
        }
        witness = new Witness(builder.MoveToImmutable());
        return true;
    }
}
