namespace Drivechain.Bitcoin.Scripting;

public readonly partial struct Script
{
    /// <summary>
    /// Core's CheckMinimalPush: true when <paramref name="opcode"/> is the one form MINIMALDATA allows for pushing
    /// <paramref name="data"/> (OP_0 for empty, OP_1…OP_16 and OP_1NEGATE for their single-byte values, a direct
    /// length byte up to 75 bytes, then OP_PUSHDATA1 and OP_PUSHDATA2). Pushes over 65535 bytes are not judged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="opcode"/> is not a push opcode (0x00–0x4e).</exception>
    public static bool CheckMinimalPush(ReadOnlySpan<byte> data, OpcodeType opcode)
    {
        if ((byte)opcode > (byte)OpcodeType.OP_PUSHDATA4)
            throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not a data push opcode");
        if (data.Length == 0) return opcode == OpcodeType.OP_0;
        if (data.Length == 1 && data[0] >= 1 && data[0] <= 16) return false; // must be OP_1..OP_16, which are not data pushes
        if (data.Length == 1 && data[0] == 0x81) return false;              // must be OP_1NEGATE
        if (data.Length <= 75) return (int)opcode == data.Length;
        if (data.Length <= 255) return opcode == OpcodeType.OP_PUSHDATA1;
        if (data.Length <= 65535) return opcode == OpcodeType.OP_PUSHDATA2;
        return true;
    }

    /// <summary>True for OP_0 and OP_1…OP_16 (Core's IsSmallInteger plus OP_0).</summary>
    public static bool IsSmallIntegerOpcode(OpcodeType opcode) =>
        opcode == OpcodeType.OP_0 || (opcode >= OpcodeType.OP_1 && opcode <= OpcodeType.OP_16);

    /// <summary>Core's DecodeOP_N: 0 for OP_0, 1–16 for OP_1…OP_16.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not OP_0…OP_16.</exception>
    public static int DecodeSmallInteger(OpcodeType opcode)
    {
        if (opcode == OpcodeType.OP_0) return 0;
        if (opcode < OpcodeType.OP_1 || opcode > OpcodeType.OP_16)
            throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not OP_0..OP_16");
        return opcode - OpcodeType.OP_1 + 1;
    }

    /// <summary>Core's EncodeOP_N: OP_0 for 0, OP_1…OP_16 for 1–16.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0–16.</exception>
    public static OpcodeType EncodeSmallInteger(int value)
    {
        if (value < 0 || value > 16) throw new ArgumentOutOfRangeException(nameof(value), value, "must be 0..16");
        return value == 0 ? OpcodeType.OP_0 : OpcodeType.OP_1 + (byte)(value - 1);
    }

    /// <summary>
    /// Core's IsPushOnly: true when every operation is a push (opcodes up to OP_16, which includes OP_RESERVED)
    /// and the script is not malformed. The empty script is push-only.
    /// </summary>
    public bool IsPushOnly() => IsPushOnly(Span);

    /// <summary>IsPushOnly over raw bytes (e.g. the part of a script after its first opcode).</summary>
    public static bool IsPushOnly(ReadOnlySpan<byte> script)
    {
        var reader = new ScriptReader(script);
        while (reader.TryRead(out var op))
            if ((byte)op.Opcode > (byte)OpcodeType.OP_16) return false;
        return !reader.IsMalformed;
    }

    /// <summary>
    /// True when every push in the script uses its minimal form (<see cref="CheckMinimalPush"/>) and the script
    /// is not malformed.
    /// </summary>
    public bool HasOnlyMinimalPushes()
    {
        var reader = new ScriptReader(Span);
        while (reader.TryRead(out var op))
            if (op.IsDataPush && !CheckMinimalPush(op.Data, op.Opcode)) return false;
        return !reader.IsMalformed;
    }
}
