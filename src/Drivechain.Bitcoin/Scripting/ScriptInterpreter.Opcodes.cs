using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

public static partial class ScriptInterpreter
{
    private sealed partial class Machine
    {
        /// <summary>One non-push opcode (or a flow-control opcode in an unexecuted branch).</summary>
        private ScriptError Execute(OpcodeType opcode, bool exec, int pcAfter, uint opcodePosition)
        {
            switch (opcode)
            {
                case OpcodeType.OP_1NEGATE:
                case >= OpcodeType.OP_1 and <= OpcodeType.OP_16:
                    PushNum((int)opcode - ((int)OpcodeType.OP_1 - 1));
                    return ScriptError.Ok;
                case OpcodeType.OP_NOP:
                    return ScriptError.Ok;
                case OpcodeType.OP_CHECKLOCKTIMEVERIFY:
                    return CheckLockTimeVerify();
                case OpcodeType.OP_CHECKSEQUENCEVERIFY:
                    return CheckSequenceVerify();
                case OpcodeType.OP_NOP1:
                case >= OpcodeType.OP_NOP4 and <= OpcodeType.OP_NOP10:
                    return (_flags & ScriptVerifyFlags.DiscourageUpgradableNops) != 0 ? ScriptError.DiscourageUpgradableNops : ScriptError.Ok;
                case OpcodeType.OP_IF:
                case OpcodeType.OP_NOTIF:
                    return If(opcode, exec);
                case OpcodeType.OP_ELSE:
                    if (_conditionCount == 0) return ScriptError.UnbalancedConditional;
                    if (_firstFalse < 0) _firstFalse = _conditionCount - 1;
                    else if (_firstFalse == _conditionCount - 1) _firstFalse = -1;
                    return ScriptError.Ok;
                case OpcodeType.OP_ENDIF:
                    if (_conditionCount == 0) return ScriptError.UnbalancedConditional;
                    if (_firstFalse == _conditionCount - 1) _firstFalse = -1;
                    _conditionCount--;
                    return ScriptError.Ok;
                case OpcodeType.OP_VERIFY:
                    if (_stack.Count < 1) return ScriptError.InvalidStackOperation;
                    if (!ScriptPatterns.CastToBool(Top(-1).Span)) return ScriptError.Verify;
                    Pop();
                    return ScriptError.Ok;
                case OpcodeType.OP_RETURN:
                    return ScriptError.OpReturn;
                case OpcodeType.OP_CODESEPARATOR:
                    _beginCodeHash = pcAfter;
                    _execData.CodeSeparatorPosition = opcodePosition;
                    return ScriptError.Ok;
                case OpcodeType.OP_CHECKSIG:
                case OpcodeType.OP_CHECKSIGVERIFY:
                    return CheckSig(opcode == OpcodeType.OP_CHECKSIGVERIFY);
                case OpcodeType.OP_CHECKSIGADD:
                    return CheckSigAdd();
                case OpcodeType.OP_CHECKMULTISIG:
                case OpcodeType.OP_CHECKMULTISIGVERIFY:
                    return CheckMultiSig(opcode == OpcodeType.OP_CHECKMULTISIGVERIFY);
                case >= OpcodeType.OP_RIPEMD160 and <= OpcodeType.OP_HASH256:
                    return Hash(opcode);
                case >= OpcodeType.OP_1ADD and <= OpcodeType.OP_0NOTEQUAL:
                    return Unary(opcode);
                case >= OpcodeType.OP_ADD and <= OpcodeType.OP_MAX:
                    return Binary(opcode);
                case OpcodeType.OP_WITHIN:
                    return Within();
                case OpcodeType.OP_EQUAL:
                case OpcodeType.OP_EQUALVERIFY:
                {
                    if (_stack.Count < 2) return ScriptError.InvalidStackOperation;
                    bool equal = Top(-2).Span.SequenceEqual(Top(-1).Span);
                    Pop();
                    Pop();
                    PushBool(equal);
                    if (opcode == OpcodeType.OP_EQUALVERIFY)
                    {
                        if (!equal) return ScriptError.EqualVerify;
                        Pop();
                    }
                    return ScriptError.Ok;
                }
                default:
                    return StackOperation(opcode);
            }
        }

        private ScriptError If(OpcodeType opcode, bool exec)
        {
            bool value = false;
            if (exec)
            {
                if (_stack.Count < 1) return ScriptError.InvalidStackOperation; // Core changed this from UNBALANCED_CONDITIONAL (script_tests.json expects it)
                var top = Top(-1).Span;
                bool minimal = top.Length == 0 || (top.Length == 1 && top[0] == 1);
                if (_sigVersion == SigVersion.Tapscript && !minimal) return ScriptError.TapscriptMinimalIf;
                if (_sigVersion == SigVersion.WitnessV0 && (_flags & ScriptVerifyFlags.MinimalIf) != 0 && !minimal) return ScriptError.MinimalIf;
                value = ScriptPatterns.CastToBool(top);
                if (opcode == OpcodeType.OP_NOTIF) value = !value;
                Pop();
            }
            if (!value && _firstFalse < 0) _firstFalse = _conditionCount;
            _conditionCount++;
            return ScriptError.Ok;
        }

        private ScriptError CheckLockTimeVerify()
        {
            // Not enabled: a plain NOP2 (Core does not apply DISCOURAGE_UPGRADABLE_NOPS here).
            if ((_flags & ScriptVerifyFlags.CheckLockTimeVerify) == 0) return ScriptError.Ok;
            if (_stack.Count < 1) return ScriptError.InvalidStackOperation;
            if (!TryNum(-1, out long lockTime, ScriptNum.LockTimeMaxSize)) return ScriptError.ScriptNum;
            if (lockTime < 0) return ScriptError.NegativeLocktime;
            return _checker.CheckLockTime(lockTime) ? ScriptError.Ok : ScriptError.UnsatisfiedLocktime;
        }

        private ScriptError CheckSequenceVerify()
        {
            // Not enabled: a plain NOP3.
            if ((_flags & ScriptVerifyFlags.CheckSequenceVerify) == 0) return ScriptError.Ok;
            if (_stack.Count < 1) return ScriptError.InvalidStackOperation;
            if (!TryNum(-1, out long sequence, ScriptNum.LockTimeMaxSize)) return ScriptError.ScriptNum;
            if (sequence < 0) return ScriptError.NegativeLocktime;
            if ((sequence & TxIn.SequenceLockTimeDisableFlag) != 0) return ScriptError.Ok;
            return _checker.CheckSequence(sequence) ? ScriptError.Ok : ScriptError.UnsatisfiedLocktime;
        }

        private ScriptError Hash(OpcodeType opcode)
        {
            if (_stack.Count < 1) return ScriptError.InvalidStackOperation;
            var data = Top(-1).Span;
            byte[] digest;
            switch (opcode)
            {
                case OpcodeType.OP_RIPEMD160: digest = Hashes.Ripemd160(data).ToBytes(); break;
#pragma warning disable CA5350 // OP_SHA1 is consensus: SHA-1 is required here
                case OpcodeType.OP_SHA1: digest = System.Security.Cryptography.SHA1.HashData(data); break;
#pragma warning restore CA5350
                case OpcodeType.OP_SHA256: digest = System.Security.Cryptography.SHA256.HashData(data); break;
                case OpcodeType.OP_HASH160: digest = Hashes.Hash160(data).ToBytes(); break;
                default: digest = Hashes.Sha256d(data).ToBytes(); break;
            }
            Pop();
            _stack.Add(digest);
            return ScriptError.Ok;
        }

        private ScriptError Unary(OpcodeType opcode)
        {
            if (_stack.Count < 1) return ScriptError.InvalidStackOperation;
            if (!TryNum(-1, out long n)) return ScriptError.ScriptNum;
            n = opcode switch
            {
                OpcodeType.OP_1ADD => n + 1,
                OpcodeType.OP_1SUB => n - 1,
                OpcodeType.OP_NEGATE => -n,
                OpcodeType.OP_ABS => n < 0 ? -n : n,
                OpcodeType.OP_NOT => n == 0 ? 1 : 0,
                OpcodeType.OP_0NOTEQUAL => n != 0 ? 1 : 0,
                // OP_2MUL/OP_2DIV: disabled in legacy/v0, OP_SUCCESS in tapscript; never executed.
                _ => long.MinValue,
            };
            if (n == long.MinValue) return ScriptError.BadOpcode;
            Pop();
            PushNum(n);
            return ScriptError.Ok;
        }

        private ScriptError Binary(OpcodeType opcode)
        {
            if (_stack.Count < 2) return ScriptError.InvalidStackOperation;
            if (!TryNum(-2, out long a) || !TryNum(-1, out long b)) return ScriptError.ScriptNum;
            long n = opcode switch
            {
                OpcodeType.OP_ADD => a + b,
                OpcodeType.OP_SUB => a - b,
                OpcodeType.OP_BOOLAND => a != 0 && b != 0 ? 1 : 0,
                OpcodeType.OP_BOOLOR => a != 0 || b != 0 ? 1 : 0,
                OpcodeType.OP_NUMEQUAL or OpcodeType.OP_NUMEQUALVERIFY => a == b ? 1 : 0,
                OpcodeType.OP_NUMNOTEQUAL => a != b ? 1 : 0,
                OpcodeType.OP_LESSTHAN => a < b ? 1 : 0,
                OpcodeType.OP_GREATERTHAN => a > b ? 1 : 0,
                OpcodeType.OP_LESSTHANOREQUAL => a <= b ? 1 : 0,
                OpcodeType.OP_GREATERTHANOREQUAL => a >= b ? 1 : 0,
                OpcodeType.OP_MIN => Math.Min(a, b),
                OpcodeType.OP_MAX => Math.Max(a, b),
                // Disabled arithmetic never reaches here in legacy/v0 and is OP_SUCCESS in tapscript.
                _ => long.MinValue,
            };
            if (n == long.MinValue) return ScriptError.BadOpcode;
            Pop();
            Pop();
            PushNum(n);
            if (opcode == OpcodeType.OP_NUMEQUALVERIFY)
            {
                if (!ScriptPatterns.CastToBool(Top(-1).Span)) return ScriptError.NumEqualVerify;
                Pop();
            }
            return ScriptError.Ok;
        }

        private ScriptError Within()
        {
            if (_stack.Count < 3) return ScriptError.InvalidStackOperation;
            if (!TryNum(-3, out long x) || !TryNum(-2, out long min) || !TryNum(-1, out long max)) return ScriptError.ScriptNum;
            Pop();
            Pop();
            Pop();
            PushBool(min <= x && x < max);
            return ScriptError.Ok;
        }
    }
}
