namespace Drivechain.Bitcoin.Scripting;

/// <summary>Core's structural script predicates used by verification and sigop counting.</summary>
public static class ScriptPatterns
{
    /// <summary>Maximum script size for legacy and segwit v0 execution.</summary>
    public const int MaxScriptSize = 10_000;

    /// <summary>Maximum size of a pushed or stacked element.</summary>
    public const int MaxElementSize = 520;

    /// <summary>HASH160 &lt;20 bytes&gt; EQUAL.</summary>
    public static bool IsPayToScriptHash(ReadOnlySpan<byte> script) =>
        script.Length == 23 && script[0] == (byte)OpcodeType.OP_HASH160 && script[1] == 0x14 && script[22] == (byte)OpcodeType.OP_EQUAL;

    /// <summary>
    /// BIP141 witness program: a version opcode (OP_0, OP_1..OP_16) then one direct push of 2..40 bytes, nothing else.
    /// </summary>
    public static bool IsWitnessProgram(ReadOnlySpan<byte> script, out int version, out ReadOnlySpan<byte> program)
    {
        version = -1;
        program = default;
        if (script.Length < 4 || script.Length > 42) return false;
        if (script[0] != (byte)OpcodeType.OP_0 && (script[0] < (byte)OpcodeType.OP_1 || script[0] > (byte)OpcodeType.OP_16)) return false;
        if (script[1] + 2 != script.Length) return false;
        version = script[0] == 0 ? 0 : script[0] - ((byte)OpcodeType.OP_1 - 1);
        program = script[2..];
        return true;
    }

    /// <summary>True when every operation is a push (opcodes up to OP_16, OP_RESERVED included) and the script parses.</summary>
    public static bool IsPushOnly(ReadOnlySpan<byte> script)
    {
        var reader = new ScriptReader(script);
        while (reader.TryRead(out var op))
            if ((byte)op.Opcode > (byte)OpcodeType.OP_16) return false;
        return !reader.IsMalformed;
    }

    /// <summary>Core's IsUnspendable: starts with OP_RETURN or is larger than 10,000 bytes.</summary>
    public static bool IsUnspendable(ReadOnlySpan<byte> script) =>
        (script.Length > 0 && script[0] == (byte)OpcodeType.OP_RETURN) || script.Length > MaxScriptSize;

    /// <summary>BIP341/342 OP_SUCCESSx opcodes.</summary>
    public static bool IsOpSuccess(byte opcode) =>
        opcode == 80 || opcode == 98 || (opcode >= 126 && opcode <= 129) || (opcode >= 131 && opcode <= 134) ||
        (opcode >= 137 && opcode <= 138) || (opcode >= 141 && opcode <= 142) || (opcode >= 149 && opcode <= 153) ||
        (opcode >= 187 && opcode <= 254);

    /// <summary>Pay-to-anchor: witness v1 with the 2-byte program 4e73.</summary>
    public static bool IsPayToAnchor(int version, ReadOnlySpan<byte> program) =>
        version == 1 && program.Length == 2 && program[0] == 0x4e && program[1] == 0x73;

    /// <summary>Core's CheckMinimalPush: the push of <paramref name="data"/> used the smallest possible opcode.</summary>
    public static bool IsMinimalPush(ReadOnlySpan<byte> data, OpcodeType opcode)
    {
        byte op = (byte)opcode;
        if (data.Length == 0) return op == (byte)OpcodeType.OP_0;
        if (data.Length == 1 && data[0] >= 1 && data[0] <= 16) return false; // should have used OP_1..OP_16
        if (data.Length == 1 && data[0] == 0x81) return false;               // should have used OP_1NEGATE
        if (data.Length <= 75) return op == data.Length;
        if (data.Length <= 255) return op == (byte)OpcodeType.OP_PUSHDATA1;
        if (data.Length <= 65535) return op == (byte)OpcodeType.OP_PUSHDATA2;
        return true;
    }

    /// <summary>The number of the small-integer opcode OP_0, OP_1..OP_16.</summary>
    public static int DecodeSmallInt(OpcodeType opcode) => opcode == OpcodeType.OP_0 ? 0 : (byte)opcode - ((byte)OpcodeType.OP_1 - 1);

    /// <summary>Length of the push header (opcode plus length bytes) of a push opcode.</summary>
    public static int PushHeaderSize(OpcodeType opcode) => opcode switch
    {
        OpcodeType.OP_PUSHDATA1 => 2,
        OpcodeType.OP_PUSHDATA2 => 3,
        OpcodeType.OP_PUSHDATA4 => 5,
        _ => 1,
    };

    /// <summary>Writes a push of <paramref name="data"/> with the smallest push-data opcode (CScript &lt;&lt; vector).</summary>
    public static byte[] EncodePush(ReadOnlySpan<byte> data)
    {
        int header = data.Length < (int)OpcodeType.OP_PUSHDATA1 ? 1 : data.Length <= 0xff ? 2 : data.Length <= 0xffff ? 3 : 5;
        var result = new byte[header + data.Length];
        switch (header)
        {
            case 1: result[0] = (byte)data.Length; break;
            case 2: result[0] = (byte)OpcodeType.OP_PUSHDATA1; result[1] = (byte)data.Length; break;
            case 3:
                result[0] = (byte)OpcodeType.OP_PUSHDATA2;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(1), (ushort)data.Length);
                break;
            default:
                result[0] = (byte)OpcodeType.OP_PUSHDATA4;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(1), (uint)data.Length);
                break;
        }
        data.CopyTo(result.AsSpan(header));
        return result;
    }

    /// <summary>Core's CastToBool: any non-zero byte, except a lone sign bit in the last byte (negative zero).</summary>
    public static bool CastToBool(ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != 0)
                return !(i == data.Length - 1 && data[i] == 0x80);
        }
        return false;
    }
}
