namespace Drivechain.Bitcoin.Scripting;

public static partial class ScriptInterpreter
{
    private sealed partial class Machine
    {
        private ReadOnlyMemory<byte> ScriptCode => _script[_beginCodeHash..];

        private ScriptError CheckSig(bool verify)
        {
            if (_stack.Count < 2) return ScriptError.InvalidStackOperation;
            var signature = Top(-2);
            var publicKey = Top(-1);
            var error = EvalCheckSig(signature.Span, publicKey.Span, out bool success);
            if (error != ScriptError.Ok) return error;
            Pop();
            Pop();
            PushBool(success);
            if (verify)
            {
                if (!success) return ScriptError.CheckSigVerify;
                Pop();
            }
            return ScriptError.Ok;
        }

        private ScriptError CheckSigAdd()
        {
            if (IsLegacyOrV0) return ScriptError.BadOpcode;
            if (_stack.Count < 3) return ScriptError.InvalidStackOperation;
            var signature = Top(-3);
            if (!TryNum(-2, out long n)) return ScriptError.ScriptNum;
            var publicKey = Top(-1);
            var error = EvalCheckSig(signature.Span, publicKey.Span, out bool success);
            if (error != ScriptError.Ok) return error;
            Pop();
            Pop();
            Pop();
            PushNum(n + (success ? 1 : 0));
            return ScriptError.Ok;
        }

        private ScriptError EvalCheckSig(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey, out bool success)
        {
            if (_sigVersion == SigVersion.Tapscript) return EvalCheckSigTapscript(signature, publicKey, out success);
            success = false;
            var scriptCode = ScriptCode;
            if (_sigVersion == SigVersion.Base)
            {
                int found = FindAndDelete(ref scriptCode, signature);
                if (found > 0 && (_flags & ScriptVerifyFlags.ConstScriptCode) != 0) return ScriptError.SigFindAndDelete;
            }
            var error = SignatureEncoding.CheckSignatureEncoding(signature, _flags);
            if (error != ScriptError.Ok) return error;
            error = SignatureEncoding.CheckPublicKeyEncoding(publicKey, _flags, _sigVersion);
            if (error != ScriptError.Ok) return error;
            success = _checker.CheckEcdsaSignature(signature, publicKey, scriptCode.Span, _sigVersion);
            if (!success && (_flags & ScriptVerifyFlags.NullFail) != 0 && signature.Length != 0) return ScriptError.SigNullFail;
            return ScriptError.Ok;
        }

        private ScriptError EvalCheckSigTapscript(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey, out bool success)
        {
            success = !signature.IsEmpty;
            if (success)
            {
                _execData.ValidationWeightLeft -= ValidationWeightPerSigOpPassed;
                if (_execData.ValidationWeightLeft < 0) return ScriptError.TapscriptValidationWeight;
            }
            if (publicKey.Length == 0) return ScriptError.TapscriptEmptyPubKey;
            if (publicKey.Length == 32)
            {
                if (success && !_checker.CheckSchnorrSignature(signature, publicKey, _sigVersion, _execData, out var error))
                    return error;
            }
            else if ((_flags & ScriptVerifyFlags.DiscourageUpgradablePubKeyType) != 0)
            {
                return ScriptError.DiscourageUpgradablePubKeyType;
            }
            return ScriptError.Ok;
        }

        private ScriptError CheckMultiSig(bool verify)
        {
            if (_sigVersion == SigVersion.Tapscript) return ScriptError.TapscriptCheckMultiSig;
            var s = _stack;
            int i = 1;
            if (s.Count < i) return ScriptError.InvalidStackOperation;
            if (!TryNum(-i, out long keysValue)) return ScriptError.ScriptNum;
            int keysCount = ScriptNum.Clamp(keysValue);
            if (keysCount < 0 || keysCount > MaxPubKeysPerMultiSig) return ScriptError.PubKeyCount;
            _opCount += keysCount;
            if (_opCount > MaxOpsPerScript) return ScriptError.OpCount;
            int ikey = ++i;
            // ikey2 is the position of the last non-signature item in the stack; used for NULLFAIL cleanup.
            int ikey2 = keysCount + 2;
            i += keysCount;
            if (s.Count < i) return ScriptError.InvalidStackOperation;
            if (!TryNum(-i, out long sigsValue)) return ScriptError.ScriptNum;
            int sigsCount = ScriptNum.Clamp(sigsValue);
            if (sigsCount < 0 || sigsCount > keysCount) return ScriptError.SigCount;
            int isig = ++i;
            i += sigsCount;
            if (s.Count < i) return ScriptError.InvalidStackOperation;

            var scriptCode = ScriptCode;
            for (int k = 0; k < sigsCount; k++)
            {
                if (_sigVersion != SigVersion.Base) break;
                int found = FindAndDelete(ref scriptCode, Top(-isig - k).Span);
                if (found > 0 && (_flags & ScriptVerifyFlags.ConstScriptCode) != 0) return ScriptError.SigFindAndDelete;
            }

            bool success = true;
            while (success && sigsCount > 0)
            {
                var signature = Top(-isig).Span;
                var publicKey = Top(-ikey).Span;
                // Encodings are checked only for the pairs actually tried (Core's order).
                var error = SignatureEncoding.CheckSignatureEncoding(signature, _flags);
                if (error == ScriptError.Ok) error = SignatureEncoding.CheckPublicKeyEncoding(publicKey, _flags, _sigVersion);
                if (error != ScriptError.Ok) return error;
                if (_checker.CheckEcdsaSignature(signature, publicKey, scriptCode.Span, _sigVersion))
                {
                    isig++;
                    sigsCount--;
                }
                ikey++;
                keysCount--;
                // More signatures left than keys: it cannot succeed.
                if (sigsCount > keysCount) success = false;
            }

            // Pop the arguments; with NULLFAIL every signature must be empty when the check failed.
            while (i-- > 1)
            {
                if (!success && (_flags & ScriptVerifyFlags.NullFail) != 0 && ikey2 == 0 && Top(-1).Length != 0)
                    return ScriptError.SigNullFail;
                if (ikey2 > 0) ikey2--;
                Pop();
            }
            // The extra dummy item (Core's historical off-by-one).
            if (s.Count < 1) return ScriptError.InvalidStackOperation;
            if ((_flags & ScriptVerifyFlags.NullDummy) != 0 && Top(-1).Length != 0) return ScriptError.SigNullDummy;
            Pop();
            PushBool(success);
            if (verify)
            {
                if (!success) return ScriptError.CheckMultiSigVerify;
                Pop();
            }
            return ScriptError.Ok;
        }
    }

    /// <summary>
    /// Core's FindAndDelete: removes every occurrence of the push of <paramref name="signature"/> that starts at
    /// an opcode boundary. Returns the number removed; <paramref name="scriptCode"/> is replaced only when some were.
    /// </summary>
    internal static int FindAndDelete(ref ReadOnlyMemory<byte> scriptCode, ReadOnlySpan<byte> signature)
    {
        byte[] pattern = ScriptPatterns.EncodePush(signature);
        var script = scriptCode.Span;
        if (script.IndexOf(pattern) < 0) return 0;
        int found = 0;
        var result = new List<byte>(script.Length);
        int pc = 0, pc2 = 0;
        var reader = new ScriptReader(script);
        while (true)
        {
            for (int j = pc2; j < pc; j++) result.Add(script[j]);
            while (script.Length - pc >= pattern.Length && script.Slice(pc, pattern.Length).SequenceEqual(pattern))
            {
                pc += pattern.Length;
                found++;
            }
            pc2 = pc;
            reader = new ScriptReader(script[pc..]);
            if (!reader.TryRead(out _)) break;
            pc += reader.Position;
        }
        if (found > 0)
        {
            for (int j = pc2; j < script.Length; j++) result.Add(script[j]);
            scriptCode = result.ToArray();
        }
        return found;
    }
}
