namespace Drivechain.Bitcoin.Scripting;

public static partial class ScriptInterpreter
{
    private sealed partial class Machine
    {
        /// <summary>The stack-manipulation opcodes; anything else is a bad opcode.</summary>
        private ScriptError StackOperation(OpcodeType opcode)
        {
            var s = _stack;
            switch (opcode)
            {
                case OpcodeType.OP_TOALTSTACK:
                    if (s.Count < 1) return ScriptError.InvalidStackOperation;
                    _altStack.Add(Top(-1));
                    Pop();
                    return ScriptError.Ok;
                case OpcodeType.OP_FROMALTSTACK:
                    if (_altStack.Count < 1) return ScriptError.InvalidAltstackOperation;
                    s.Add(_altStack[^1]);
                    _altStack.RemoveAt(_altStack.Count - 1);
                    return ScriptError.Ok;
                case OpcodeType.OP_2DROP:
                    if (s.Count < 2) return ScriptError.InvalidStackOperation;
                    Pop();
                    Pop();
                    return ScriptError.Ok;
                case OpcodeType.OP_2DUP:
                {
                    if (s.Count < 2) return ScriptError.InvalidStackOperation;
                    var a = Top(-2);
                    var b = Top(-1);
                    s.Add(a);
                    s.Add(b);
                    return ScriptError.Ok;
                }
                case OpcodeType.OP_3DUP:
                {
                    if (s.Count < 3) return ScriptError.InvalidStackOperation;
                    var a = Top(-3);
                    var b = Top(-2);
                    var c = Top(-1);
                    s.Add(a);
                    s.Add(b);
                    s.Add(c);
                    return ScriptError.Ok;
                }
                case OpcodeType.OP_2OVER:
                {
                    if (s.Count < 4) return ScriptError.InvalidStackOperation;
                    var a = Top(-4);
                    var b = Top(-3);
                    s.Add(a);
                    s.Add(b);
                    return ScriptError.Ok;
                }
                case OpcodeType.OP_2ROT:
                {
                    if (s.Count < 6) return ScriptError.InvalidStackOperation;
                    var a = Top(-6);
                    var b = Top(-5);
                    s.RemoveRange(s.Count - 6, 2);
                    s.Add(a);
                    s.Add(b);
                    return ScriptError.Ok;
                }
                case OpcodeType.OP_2SWAP:
                {
                    if (s.Count < 4) return ScriptError.InvalidStackOperation;
                    int n = s.Count;
                    (s[n - 4], s[n - 2]) = (s[n - 2], s[n - 4]);
                    (s[n - 3], s[n - 1]) = (s[n - 1], s[n - 3]);
                    return ScriptError.Ok;
                }
                case OpcodeType.OP_IFDUP:
                    if (s.Count < 1) return ScriptError.InvalidStackOperation;
                    if (ScriptPatterns.CastToBool(Top(-1).Span)) s.Add(Top(-1));
                    return ScriptError.Ok;
                case OpcodeType.OP_DEPTH:
                    PushNum(s.Count);
                    return ScriptError.Ok;
                case OpcodeType.OP_DROP:
                    if (s.Count < 1) return ScriptError.InvalidStackOperation;
                    Pop();
                    return ScriptError.Ok;
                case OpcodeType.OP_DUP:
                    if (s.Count < 1) return ScriptError.InvalidStackOperation;
                    s.Add(Top(-1));
                    return ScriptError.Ok;
                case OpcodeType.OP_NIP:
                    if (s.Count < 2) return ScriptError.InvalidStackOperation;
                    s.RemoveAt(s.Count - 2);
                    return ScriptError.Ok;
                case OpcodeType.OP_OVER:
                    if (s.Count < 2) return ScriptError.InvalidStackOperation;
                    s.Add(Top(-2));
                    return ScriptError.Ok;
                case OpcodeType.OP_PICK:
                case OpcodeType.OP_ROLL:
                {
                    if (s.Count < 2) return ScriptError.InvalidStackOperation;
                    if (!TryNum(-1, out long value)) return ScriptError.ScriptNum;
                    int n = ScriptNum.Clamp(value);
                    Pop();
                    if (n < 0 || n >= s.Count) return ScriptError.InvalidStackOperation;
                    var item = Top(-n - 1);
                    if (opcode == OpcodeType.OP_ROLL) s.RemoveAt(s.Count - n - 1);
                    s.Add(item);
                    return ScriptError.Ok;
                }
                case OpcodeType.OP_ROT:
                {
                    if (s.Count < 3) return ScriptError.InvalidStackOperation;
                    int n = s.Count;
                    // (x1 x2 x3 -> x2 x3 x1)
                    var x1 = s[n - 3];
                    s[n - 3] = s[n - 2];
                    s[n - 2] = s[n - 1];
                    s[n - 1] = x1;
                    return ScriptError.Ok;
                }
                case OpcodeType.OP_SWAP:
                {
                    if (s.Count < 2) return ScriptError.InvalidStackOperation;
                    int n = s.Count;
                    (s[n - 2], s[n - 1]) = (s[n - 1], s[n - 2]);
                    return ScriptError.Ok;
                }
                case OpcodeType.OP_TUCK:
                    if (s.Count < 2) return ScriptError.InvalidStackOperation;
                    s.Insert(s.Count - 2, Top(-1));
                    return ScriptError.Ok;
                case OpcodeType.OP_SIZE:
                    if (s.Count < 1) return ScriptError.InvalidStackOperation;
                    PushNum(Top(-1).Length);
                    return ScriptError.Ok;
                default:
                    return ScriptError.BadOpcode;
            }
        }
    }
}
