namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Bitcoin Core's script interpreter (EvalScript of interpreter.cpp): every opcode, every SCRIPT_VERIFY flag,
/// the resource limits and the tapscript rules. Never throws on any script or stack; failures are a
/// <see cref="ScriptError"/>. Stack items are slices of the script or witness where possible (no copies).
/// </summary>
public static partial class ScriptInterpreter
{
    /// <summary>Maximum number of non-push operations per legacy/v0 script.</summary>
    public const int MaxOpsPerScript = 201;

    /// <summary>Maximum number of public keys in CHECKMULTISIG.</summary>
    public const int MaxPubKeysPerMultiSig = 20;

    /// <summary>Maximum combined size of stack and altstack.</summary>
    public const int MaxStackSize = 1000;

    /// <summary>BIP342: validation weight charged per executed signature check.</summary>
    public const int ValidationWeightPerSigOpPassed = 50;

    /// <summary>BIP342: validation weight granted on top of the witness size.</summary>
    public const int ValidationWeightOffset = 50;

    private static readonly byte[] True = [1];
    private static readonly byte[] False = [];

    /// <summary>
    /// Runs <paramref name="script"/> on <paramref name="stack"/> (index 0 = bottom). Returns false with the
    /// reason in <paramref name="error"/> on failure; the stack is then in an unspecified state.
    /// </summary>
    public static bool EvalScript(List<ReadOnlyMemory<byte>> stack, Script script, ScriptVerifyFlags flags,
        ISignatureChecker checker, SigVersion sigVersion, ScriptExecutionData executionData, out ScriptError error)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(executionData);
        if ((sigVersion == SigVersion.Base || sigVersion == SigVersion.WitnessV0) && script.Length > ScriptPatterns.MaxScriptSize)
        {
            error = ScriptError.ScriptSize;
            return false;
        }
        var machine = new Machine(stack, script, flags, checker, sigVersion, executionData);
        error = machine.Run();
        return error == ScriptError.Ok;
    }

    /// <summary>Runs a script with no transaction context (signature checks fail, lock-time checks fail).</summary>
    public static bool EvalScript(List<ReadOnlyMemory<byte>> stack, Script script, ScriptVerifyFlags flags, SigVersion sigVersion, out ScriptError error) =>
        EvalScript(stack, script, flags, NullSignatureChecker.Instance, sigVersion, new ScriptExecutionData(), out error);

    /// <summary>The state of one EvalScript run.</summary>
    private sealed partial class Machine
    {
        private readonly List<ReadOnlyMemory<byte>> _stack;
        private readonly List<ReadOnlyMemory<byte>> _altStack = [];
        private readonly ReadOnlyMemory<byte> _script;
        private readonly ScriptVerifyFlags _flags;
        private readonly ISignatureChecker _checker;
        private readonly SigVersion _sigVersion;
        private readonly ScriptExecutionData _execData;
        private readonly bool _requireMinimal;
        private int _beginCodeHash;
        private int _opCount;

        // Core's ConditionStack: only the size and the position of the first false entry matter.
        private int _conditionCount;
        private int _firstFalse = -1;

        public Machine(List<ReadOnlyMemory<byte>> stack, Script script, ScriptVerifyFlags flags, ISignatureChecker checker,
            SigVersion sigVersion, ScriptExecutionData execData)
        {
            _stack = stack;
            _script = script.Memory;
            _flags = flags;
            _checker = checker;
            _sigVersion = sigVersion;
            _execData = execData;
            _requireMinimal = (flags & ScriptVerifyFlags.MinimalData) != 0;
        }

        private bool IsLegacyOrV0 => _sigVersion == SigVersion.Base || _sigVersion == SigVersion.WitnessV0;

        public ScriptError Run()
        {
            _execData.CodeSeparatorPosition = 0xFFFFFFFF;
            _execData.CodeSeparatorPositionInit = true;
            var span = _script.Span;
            var reader = new ScriptReader(span);
            uint opcodePosition = 0;
            for (; !reader.AtEnd; opcodePosition++)
            {
                bool exec = _firstFalse < 0;
                if (!reader.TryRead(out var op)) return ScriptError.BadOpcode;
                if (op.Data.Length > ScriptPatterns.MaxElementSize) return ScriptError.PushSize;
                var opcode = op.Opcode;
                if (IsLegacyOrV0)
                {
                    if ((byte)opcode > (byte)OpcodeType.OP_16 && ++_opCount > MaxOpsPerScript) return ScriptError.OpCount;
                    if (IsDisabled(opcode)) return ScriptError.DisabledOpcode;
                }
                if (opcode == OpcodeType.OP_CODESEPARATOR && _sigVersion == SigVersion.Base && (_flags & ScriptVerifyFlags.ConstScriptCode) != 0)
                    return ScriptError.OpCodeSeparator;

                if (exec && (byte)opcode <= (byte)OpcodeType.OP_PUSHDATA4)
                {
                    if (_requireMinimal && !ScriptPatterns.IsMinimalPush(op.Data, opcode)) return ScriptError.MinimalData;
                    int dataStart = op.Offset + ScriptPatterns.PushHeaderSize(opcode);
                    _stack.Add(_script.Slice(dataStart, op.Data.Length));
                }
                else if (exec || (opcode >= OpcodeType.OP_IF && opcode <= OpcodeType.OP_ENDIF))
                {
                    var result = Execute(opcode, exec, reader.Position, opcodePosition);
                    if (result != ScriptError.Ok) return result;
                }
                if (_stack.Count + _altStack.Count > MaxStackSize) return ScriptError.StackSize;
            }
            if (reader.IsMalformed) return ScriptError.BadOpcode;
            return _conditionCount != 0 ? ScriptError.UnbalancedConditional : ScriptError.Ok;
        }

        private static bool IsDisabled(OpcodeType opcode) => opcode switch
        {
            OpcodeType.OP_CAT or OpcodeType.OP_SUBSTR or OpcodeType.OP_LEFT or OpcodeType.OP_RIGHT or OpcodeType.OP_INVERT
                or OpcodeType.OP_AND or OpcodeType.OP_OR or OpcodeType.OP_XOR or OpcodeType.OP_2MUL or OpcodeType.OP_2DIV
                or OpcodeType.OP_MUL or OpcodeType.OP_DIV or OpcodeType.OP_MOD or OpcodeType.OP_LSHIFT or OpcodeType.OP_RSHIFT => true,
            _ => false,
        };

        private ReadOnlyMemory<byte> Top(int fromTop) => _stack[_stack.Count + fromTop];

        private void Pop() => _stack.RemoveAt(_stack.Count - 1);

        private void PushBool(bool value) => _stack.Add(value ? True : False);

        private void PushNum(long value) => _stack.Add(ScriptNum.Encode(value));

        private bool TryNum(int fromTop, out long value, int maxSize = ScriptNum.DefaultMaxSize) =>
            ScriptNum.TryDecode(Top(fromTop).Span, _requireMinimal, maxSize, out value);
    }
}
