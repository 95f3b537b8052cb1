using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// The top-level script check of one input (Core's VerifyScript): scriptSig, scriptPubKey, P2SH, witness
/// programs (v0, taproot key and script path, unknown versions), CLEANSTACK and the witness malleability rules.
/// </summary>
public static partial class ScriptVerifier
{
    /// <summary>
    /// Verifies input <paramref name="inputIndex"/> of <paramref name="txData"/>'s transaction against the output it
    /// spends, under <paramref name="flags"/>. False with the reason in <paramref name="error"/> when it fails.
    /// </summary>
    public static bool VerifyInput(PrecomputedTransactionData txData, int inputIndex, ScriptVerifyFlags flags, ISecp256k1 secp, out ScriptError error)
    {
        ArgumentNullException.ThrowIfNull(txData);
        var input = txData.Transaction.Inputs[inputIndex];
        var spent = txData.SpentOutputs[inputIndex];
        var checker = new TransactionSignatureChecker(txData, inputIndex, spent.Value, secp);
        return VerifyScript(input.ScriptSig, spent.ScriptPubKey, input.Witness, flags, checker, out error);
    }

    /// <summary>Core's VerifyScript with an explicit checker.</summary>
    public static bool VerifyScript(Script scriptSig, Script scriptPubKey, Witness witness, ScriptVerifyFlags flags, ISignatureChecker checker, out ScriptError error)
    {
        ArgumentNullException.ThrowIfNull(checker);
        error = Verify(scriptSig, scriptPubKey, witness, flags, checker);
        return error == ScriptError.Ok;
    }

    private static ScriptError Verify(Script scriptSig, Script scriptPubKey, Witness witness, ScriptVerifyFlags flags, ISignatureChecker checker)
    {
        bool hadWitness = false;
        if ((flags & ScriptVerifyFlags.SigPushOnly) != 0 && !ScriptPatterns.IsPushOnly(scriptSig.Span)) return ScriptError.SigPushOnly;

        var stack = new List<ReadOnlyMemory<byte>>();
        if (!ScriptInterpreter.EvalScript(stack, scriptSig, flags, checker, SigVersion.Base, new ScriptExecutionData(), out var error)) return error;
        List<ReadOnlyMemory<byte>>? stackCopy = (flags & ScriptVerifyFlags.P2SH) != 0 ? [.. stack] : null;
        if (!ScriptInterpreter.EvalScript(stack, scriptPubKey, flags, checker, SigVersion.Base, new ScriptExecutionData(), out error)) return error;
        if (stack.Count == 0 || !ScriptPatterns.CastToBool(stack[^1].Span)) return ScriptError.EvalFalse;

        // Bare witness programs.
        if ((flags & ScriptVerifyFlags.Witness) != 0 && ScriptPatterns.IsWitnessProgram(scriptPubKey.Span, out int version, out _))
        {
            hadWitness = true;
            if (!scriptSig.IsEmpty) return ScriptError.WitnessMalleated;
            var program = scriptPubKey.Memory[2..];
            error = VerifyWitnessProgram(witness, version, program, flags, checker, isP2sh: false);
            if (error != ScriptError.Ok) return error;
            // The stack is not clean for witness programs: bypass the CLEANSTACK check below.
            stack.RemoveRange(1, stack.Count - 1);
        }

        // P2SH: evaluate the redeem script on the stack the scriptSig left.
        if ((flags & ScriptVerifyFlags.P2SH) != 0 && ScriptPatterns.IsPayToScriptHash(scriptPubKey.Span))
        {
            if (!ScriptPatterns.IsPushOnly(scriptSig.Span)) return ScriptError.SigPushOnly;
            stack = stackCopy!;
            // Never empty here: HASH160 on an empty stack would have failed above.
            var redeemScript = new Script(stack[^1]);
            stack.RemoveAt(stack.Count - 1);
            if (!ScriptInterpreter.EvalScript(stack, redeemScript, flags, checker, SigVersion.Base, new ScriptExecutionData(), out error)) return error;
            if (stack.Count == 0 || !ScriptPatterns.CastToBool(stack[^1].Span)) return ScriptError.EvalFalse;

            if ((flags & ScriptVerifyFlags.Witness) != 0 && ScriptPatterns.IsWitnessProgram(redeemScript.Span, out version, out _))
            {
                hadWitness = true;
                // The scriptSig must be exactly one push of the redeem script.
                if (!scriptSig.Span.SequenceEqual(ScriptPatterns.EncodePush(redeemScript.Span))) return ScriptError.WitnessMalleatedP2sh;
                error = VerifyWitnessProgram(witness, version, redeemScript.Memory[2..], flags, checker, isP2sh: true);
                if (error != ScriptError.Ok) return error;
                stack.RemoveRange(1, stack.Count - 1);
            }
        }

        // After P2SH evaluation, so that the redeem script's stack is what must be clean.
        if ((flags & ScriptVerifyFlags.CleanStack) != 0 && stack.Count != 1) return ScriptError.CleanStack;

        if ((flags & ScriptVerifyFlags.Witness) != 0 && !hadWitness && !witness.IsEmpty) return ScriptError.WitnessUnexpected;
        return ScriptError.Ok;
    }
}
