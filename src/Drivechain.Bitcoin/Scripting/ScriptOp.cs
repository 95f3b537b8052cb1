namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// One parsed script operation: the opcode byte and, for pushes, the pushed data (a slice of the script,
/// not a copy). <see cref="Offset"/> is the opcode's byte offset in the script.
/// </summary>
public readonly ref struct ScriptOp
{
    /// <summary>Creates an operation.</summary>
    public ScriptOp(OpcodeType opcode, ReadOnlySpan<byte> data, int offset)
    {
        Opcode = opcode;
        Data = data;
        Offset = offset;
    }

    /// <summary>The opcode byte (for direct pushes, the length byte 0x01..0x4b).</summary>
    public OpcodeType Opcode { get; }

    /// <summary>The pushed bytes; empty for non-push opcodes.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Byte offset of the opcode in the script.</summary>
    public int Offset { get; }

    /// <summary>True for push opcodes 0x00..0x4e (data pushes; OP_1NEGATE and OP_1..OP_16 are not counted here).</summary>
    public bool IsDataPush => (byte)Opcode <= (byte)OpcodeType.OP_PUSHDATA4;
}
