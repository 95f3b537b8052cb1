using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Signature hashes as Core computes them: legacy (with OP_CODESEPARATOR removal and the SIGHASH_SINGLE "1"
/// quirk), BIP143 segwit v0, and BIP341/342 taproot. Usable for signing as well as verifying.
/// </summary>
public static partial class SignatureHash
{
    /// <summary>The hash returned for SIGHASH_SINGLE without a matching output (and an input index out of range).</summary>
    public static readonly UInt256 One = new(1UL);

    /// <summary>
    /// The legacy (pre-segwit) signature hash of input <paramref name="inputIndex"/> for <paramref name="scriptCode"/>
    /// (OP_CODESEPARATORs are removed here). <paramref name="hashType"/> is the full 32-bit value hashed at the end.
    /// </summary>
    public static UInt256 Legacy(Script scriptCode, Transaction tx, int inputIndex, int hashType) =>
        Legacy(scriptCode.Span, tx, inputIndex, hashType);

    internal static UInt256 Legacy(ReadOnlySpan<byte> scriptCode, Transaction tx, int inputIndex, int hashType)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if ((uint)inputIndex >= (uint)tx.Inputs.Length) return One;
        int baseType = hashType & 0x1f;
        bool anyoneCanPay = (hashType & SignatureEncoding.SigHashAnyoneCanPay) != 0;
        bool none = baseType == SignatureEncoding.SigHashNone;
        bool single = baseType == SignatureEncoding.SigHashSingle;
        if (single && inputIndex >= tx.Outputs.Length) return One;

        using var w = new HashWriter();
        w.WriteUInt32(tx.Version);
        int inputCount = anyoneCanPay ? 1 : tx.Inputs.Length;
        w.WriteCompactSize((ulong)inputCount);
        for (int i = 0; i < inputCount; i++)
        {
            int n = anyoneCanPay ? inputIndex : i;
            var input = tx.Inputs[n];
            w.WriteOutPoint(input.PrevOut);
            if (n == inputIndex) WriteScriptCodeWithoutSeparators(w, scriptCode);
            else w.WriteCompactSize(0);
            w.WriteUInt32(n != inputIndex && (none || single) ? 0 : input.Sequence);
        }
        int outputCount = none ? 0 : single ? inputIndex + 1 : tx.Outputs.Length;
        w.WriteCompactSize((ulong)outputCount);
        for (int i = 0; i < outputCount; i++)
        {
            if (single && i != inputIndex)
            {
                w.WriteInt64(-1);
                w.WriteCompactSize(0);
            }
            else
            {
                w.WriteTxOut(tx.Outputs[i]);
            }
        }
        w.WriteUInt32(tx.LockTime);
        w.WriteUInt32((uint)hashType);
        return w.GetSha256d();
    }

    private static void WriteScriptCodeWithoutSeparators(HashWriter w, ReadOnlySpan<byte> script)
    {
        int separators = 0;
        var reader = new ScriptReader(script);
        while (reader.TryRead(out var op))
            if (op.Opcode == OpcodeType.OP_CODESEPARATOR) separators++;
        w.WriteCompactSize((ulong)(script.Length - separators));
        if (separators == 0)
        {
            w.Write(script);
            return;
        }
        int begin = 0;
        reader = new ScriptReader(script);
        while (reader.TryRead(out var op))
        {
            if (op.Opcode != OpcodeType.OP_CODESEPARATOR) continue;
            w.Write(script[begin..op.Offset]);
            begin = reader.Position;
        }
        if (begin < script.Length) w.Write(script[begin..]);
    }

    /// <summary>
    /// The BIP143 signature hash of input <paramref name="inputIndex"/> spending <paramref name="amount"/> with
    /// <paramref name="scriptCode"/> (used as given: no OP_CODESEPARATOR removal).
    /// </summary>
    public static UInt256 WitnessV0(Script scriptCode, PrecomputedTransactionData data, int inputIndex, int hashType, Money amount) =>
        WitnessV0(scriptCode.Span, data, inputIndex, hashType, amount);

    internal static UInt256 WitnessV0(ReadOnlySpan<byte> scriptCode, PrecomputedTransactionData data, int inputIndex, int hashType, Money amount)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tx = data.Transaction;
        if ((uint)inputIndex >= (uint)tx.Inputs.Length) throw new ArgumentOutOfRangeException(nameof(inputIndex));
        int baseType = hashType & 0x1f;
        bool anyoneCanPay = (hashType & SignatureEncoding.SigHashAnyoneCanPay) != 0;
        bool noneOrSingle = baseType == SignatureEncoding.SigHashNone || baseType == SignatureEncoding.SigHashSingle;
        var hashPrevouts = anyoneCanPay ? UInt256.Zero : data.HashPrevouts;
        var hashSequence = anyoneCanPay || noneOrSingle ? UInt256.Zero : data.HashSequence;
        UInt256 hashOutputs;
        if (!noneOrSingle)
        {
            hashOutputs = data.HashOutputs;
        }
        else if (baseType == SignatureEncoding.SigHashSingle && inputIndex < tx.Outputs.Length)
        {
            using var o = new HashWriter();
            o.WriteTxOut(tx.Outputs[inputIndex]);
            hashOutputs = o.GetSha256d();
        }
        else
        {
            hashOutputs = UInt256.Zero;
        }

        var input = tx.Inputs[inputIndex];
        using var w = new HashWriter();
        w.WriteUInt32(tx.Version);
        w.WriteUInt256(hashPrevouts);
        w.WriteUInt256(hashSequence);
        w.WriteOutPoint(input.PrevOut);
        w.WriteVarBytes(scriptCode);
        w.WriteInt64(amount.Satoshis);
        w.WriteUInt32(input.Sequence);
        w.WriteUInt256(hashOutputs);
        w.WriteUInt32(tx.LockTime);
        w.WriteUInt32((uint)hashType);
        return w.GetSha256d();
    }
}
