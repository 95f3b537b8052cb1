using System.Security.Cryptography;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Scripting;

public static partial class ScriptVerifier
{
    /// <summary>Core's VerifyWitnessProgram: segwit v0 (P2WPKH, P2WSH), taproot, and unknown versions.</summary>
    private static ScriptError VerifyWitnessProgram(Witness witness, int version, ReadOnlyMemory<byte> program, ScriptVerifyFlags flags,
        ISignatureChecker checker, bool isP2sh)
    {
        var stack = new List<ReadOnlyMemory<byte>>(witness.Items);
        var execData = new ScriptExecutionData();
        if (version == 0)
        {
            if (program.Length == 32)
            {
                // P2WSH: the last item is the script, committed to by SHA256.
                if (stack.Count == 0) return ScriptError.WitnessProgramWitnessEmpty;
                var script = new Script(stack[^1]);
                stack.RemoveAt(stack.Count - 1);
                Span<byte> hash = stackalloc byte[32];
                Sha256Hasher.Hash(script.Span, hash);
                if (!hash.SequenceEqual(program.Span)) return ScriptError.WitnessProgramMismatch;
                return ExecuteWitnessScript(stack, script, flags, SigVersion.WitnessV0, checker, execData);
            }
            if (program.Length == 20)
            {
                // P2WPKH: exactly signature and public key, run as DUP HASH160 <program> EQUALVERIFY CHECKSIG.
                if (stack.Count != 2) return ScriptError.WitnessProgramMismatch;
                var script = new byte[25];
                script[0] = (byte)OpcodeType.OP_DUP;
                script[1] = (byte)OpcodeType.OP_HASH160;
                script[2] = 20;
                program.Span.CopyTo(script.AsSpan(3));
                script[23] = (byte)OpcodeType.OP_EQUALVERIFY;
                script[24] = (byte)OpcodeType.OP_CHECKSIG;
                return ExecuteWitnessScript(stack, new Script(script), flags, SigVersion.WitnessV0, checker, execData);
            }
            return ScriptError.WitnessProgramWrongLength;
        }
        if (version == 1 && program.Length == 32 && !isP2sh)
        {
            if ((flags & ScriptVerifyFlags.Taproot) == 0) return ScriptError.Ok;
            return VerifyTaproot(witness, stack, program.Span, flags, checker, execData);
        }
        if (!isP2sh && ScriptPatterns.IsPayToAnchor(version, program.Span)) return ScriptError.Ok;
        // Unknown versions and lengths are anyone-can-spend for future soft forks.
        return (flags & ScriptVerifyFlags.DiscourageUpgradableWitnessProgram) != 0 ? ScriptError.DiscourageUpgradableWitnessProgram : ScriptError.Ok;
    }

    private static ScriptError VerifyTaproot(Witness witness, List<ReadOnlyMemory<byte>> stack, ReadOnlySpan<byte> program,
        ScriptVerifyFlags flags, ISignatureChecker checker, ScriptExecutionData execData)
    {
        if (stack.Count == 0) return ScriptError.WitnessProgramWitnessEmpty;
        if (stack.Count >= 2 && stack[^1].Length > 0 && stack[^1].Span[0] == TaprootCommitment.AnnexTag)
        {
            using var w = new HashWriter();
            w.WriteVarBytes(stack[^1].Span);
            execData.AnnexHash = w.GetSha256();
            execData.AnnexPresent = true;
            stack.RemoveAt(stack.Count - 1);
        }
        else
        {
            execData.AnnexPresent = false;
        }
        execData.AnnexInit = true;

        if (stack.Count == 1)
        {
            // Key path: a single signature by the output key.
            return checker.CheckSchnorrSignature(stack[0].Span, program, SigVersion.Taproot, execData, out var error) ? ScriptError.Ok : error;
        }

        // Script path: ... script, control block.
        var control = stack[^1].Span;
        var script = new Script(stack[^2]);
        stack.RemoveRange(stack.Count - 2, 2);
        if (control.Length < TaprootCommitment.ControlBaseSize || control.Length > TaprootCommitment.ControlMaxSize ||
            (control.Length - TaprootCommitment.ControlBaseSize) % TaprootCommitment.ControlNodeSize != 0)
            return ScriptError.TaprootWrongControlSize;
        byte leafVersion = (byte)(control[0] & TaprootCommitment.LeafMask);
        execData.TapleafHash = TaprootCommitment.LeafHash(leafVersion, script.Span);
        if (!TaprootCommitment.VerifyCommitment(control, program, execData.TapleafHash, checker)) return ScriptError.WitnessProgramMismatch;
        execData.TapleafHashInit = true;
        if (leafVersion == TaprootCommitment.LeafTapscript)
        {
            execData.ValidationWeightLeft = witness.SerializedSize + ScriptInterpreter.ValidationWeightOffset;
            execData.ValidationWeightLeftInit = true;
            return ExecuteWitnessScript(stack, script, flags, SigVersion.Tapscript, checker, execData);
        }
        return (flags & ScriptVerifyFlags.DiscourageUpgradableTaprootVersion) != 0 ? ScriptError.DiscourageUpgradableTaprootVersion : ScriptError.Ok;
    }

    /// <summary>Core's ExecuteWitnessScript: OP_SUCCESS scan (tapscript), element limits, evaluation, implicit clean stack.</summary>
    private static ScriptError ExecuteWitnessScript(List<ReadOnlyMemory<byte>> stack, Script script, ScriptVerifyFlags flags, SigVersion sigVersion,
        ISignatureChecker checker, ScriptExecutionData execData)
    {
        if (sigVersion == SigVersion.Tapscript)
        {
            // OP_SUCCESSx overrides everything, even the stack limits, provided the script parses up to it.
            var reader = new ScriptReader(script.Span);
            while (!reader.AtEnd)
            {
                if (!reader.TryRead(out var op)) return ScriptError.BadOpcode;
                if (ScriptPatterns.IsOpSuccess((byte)op.Opcode))
                    return (flags & ScriptVerifyFlags.DiscourageOpSuccess) != 0 ? ScriptError.DiscourageOpSuccess : ScriptError.Ok;
            }
            if (stack.Count > ScriptInterpreter.MaxStackSize) return ScriptError.StackSize;
        }
        foreach (var item in stack)
            if (item.Length > ScriptPatterns.MaxElementSize) return ScriptError.PushSize;
        if (!ScriptInterpreter.EvalScript(stack, script, flags, checker, sigVersion, execData, out var error)) return error;
        if (stack.Count != 1) return ScriptError.CleanStack;
        return ScriptPatterns.CastToBool(stack[0].Span) ? ScriptError.Ok : ScriptError.EvalFalse;
    }
}
