using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>Core's signature-operation counting for block limits (legacy, P2SH and witness sigops, and the weighted cost).</summary>
public static class SigOpCounter
{
    /// <summary>Legacy sigops count four times in the weighted cost.</summary>
    public const int WitnessScaleFactor = 4;

    /// <summary>
    /// CScript::GetSigOpCount: CHECKSIG(VERIFY) count 1; CHECKMULTISIG(VERIFY) counts the preceding OP_1..OP_16
    /// when <paramref name="accurate"/>, else 20. Counting stops at a truncated push.
    /// </summary>
    public static int GetSigOpCount(ReadOnlySpan<byte> script, bool accurate)
    {
        int count = 0;
        var last = OpcodeType.OP_INVALIDOPCODE;
        var reader = new ScriptReader(script);
        while (reader.TryRead(out var op))
        {
            if (op.Opcode is OpcodeType.OP_CHECKSIG or OpcodeType.OP_CHECKSIGVERIFY)
            {
                count++;
            }
            else if (op.Opcode is OpcodeType.OP_CHECKMULTISIG or OpcodeType.OP_CHECKMULTISIGVERIFY)
            {
                count += accurate && last >= OpcodeType.OP_1 && last <= OpcodeType.OP_16
                    ? ScriptPatterns.DecodeSmallInt(last)
                    : ScriptInterpreter.MaxPubKeysPerMultiSig;
            }
            last = op.Opcode;
        }
        return count;
    }

    /// <summary>
    /// CScript::GetSigOpCount(scriptSig) for a P2SH <paramref name="scriptPubKey"/>: the accurate count of the redeem
    /// script (the last push of the scriptSig); 0 when the scriptSig is not push-only.
    /// </summary>
    public static int GetP2SHSigOpCount(ReadOnlySpan<byte> scriptPubKey, ReadOnlySpan<byte> scriptSig)
    {
        if (!ScriptPatterns.IsPayToScriptHash(scriptPubKey)) return GetSigOpCount(scriptPubKey, true);
        ReadOnlySpan<byte> last = default;
        var reader = new ScriptReader(scriptSig);
        while (!reader.AtEnd)
        {
            if (!reader.TryRead(out var op)) return 0;
            if ((byte)op.Opcode > (byte)OpcodeType.OP_16) return 0;
            last = op.Data;
        }
        return GetSigOpCount(last, true);
    }

    /// <summary>GetLegacySigOpCount: inaccurate counts over all scriptSigs and scriptPubKeys.</summary>
    public static int GetLegacySigOpCount(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        int count = 0;
        foreach (var input in tx.Inputs) count += GetSigOpCount(input.ScriptSig.Span, false);
        foreach (var output in tx.Outputs) count += GetSigOpCount(output.ScriptPubKey.Span, false);
        return count;
    }

    /// <summary>GetP2SHSigOpCount: redeem-script sigops of inputs spending P2SH outputs (0 for coinbase).</summary>
    public static int GetP2SHSigOpCount(Transaction tx, IReadOnlyList<TxOut> spentOutputs)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(spentOutputs);
        if (tx.IsCoinbase) return 0;
        int count = 0;
        for (int i = 0; i < tx.Inputs.Length; i++)
        {
            var spk = spentOutputs[i].ScriptPubKey.Span;
            if (ScriptPatterns.IsPayToScriptHash(spk)) count += GetP2SHSigOpCount(spk, tx.Inputs[i].ScriptSig.Span);
        }
        return count;
    }

    /// <summary>CountWitnessSigOps of one input (native or P2SH-wrapped witness programs; needs WITNESS).</summary>
    public static int CountWitnessSigOps(Script scriptSig, Script scriptPubKey, Witness witness, ScriptVerifyFlags flags)
    {
        if ((flags & ScriptVerifyFlags.Witness) == 0) return 0;
        if (ScriptPatterns.IsWitnessProgram(scriptPubKey.Span, out int version, out var program))
            return WitnessSigOps(version, program, witness);
        if (ScriptPatterns.IsPayToScriptHash(scriptPubKey.Span) && ScriptPatterns.IsPushOnly(scriptSig.Span))
        {
            ReadOnlySpan<byte> last = default;
            var reader = new ScriptReader(scriptSig.Span);
            while (reader.TryRead(out var op)) last = op.Data;
            if (ScriptPatterns.IsWitnessProgram(last, out version, out program)) return WitnessSigOps(version, program, witness);
        }
        return 0;
    }

    private static int WitnessSigOps(int version, ReadOnlySpan<byte> program, Witness witness)
    {
        if (version != 0) return 0;
        if (program.Length == 20) return 1;
        if (program.Length == 32 && witness.Count > 0) return GetSigOpCount(witness[witness.Count - 1].Span, true);
        return 0;
    }

    /// <summary>
    /// GetTransactionSigOpCost: legacy sigops × 4, plus P2SH sigops × 4 (with P2SH), plus witness sigops (with WITNESS).
    /// </summary>
    public static int GetTransactionSigOpCost(Transaction tx, IReadOnlyList<TxOut> spentOutputs, ScriptVerifyFlags flags)
    {
        ArgumentNullException.ThrowIfNull(tx);
        int cost = GetLegacySigOpCount(tx) * WitnessScaleFactor;
        if (tx.IsCoinbase) return cost;
        ArgumentNullException.ThrowIfNull(spentOutputs);
        if ((flags & ScriptVerifyFlags.P2SH) != 0) cost += GetP2SHSigOpCount(tx, spentOutputs) * WitnessScaleFactor;
        for (int i = 0; i < tx.Inputs.Length; i++)
        {
            var input = tx.Inputs[i];
            cost += CountWitnessSigOps(input.ScriptSig, spentOutputs[i].ScriptPubKey, input.Witness, flags);
        }
        return cost;
    }
}
