using System.Text;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Cli.Decoding;

/// <summary>Core-style assembly text of a script (pushes as hex, opcodes by name, "[error]" when malformed).</summary>
internal static class ScriptAsm
{
    public static string ToAsm(ReadOnlySpan<byte> script)
    {
        var text = new StringBuilder();
        var reader = new ScriptReader(script);
        while (reader.TryRead(out var op))
        {
            if (text.Length > 0) text.Append(' ');
            if (op.IsDataPush)
            {
                if (op.Data.IsEmpty) text.Append('0');
                else text.Append(Convert.ToHexStringLower(op.Data));
            }
            else
            {
                text.Append(Name(op.Opcode));
            }
        }
        if (reader.IsMalformed) text.Append(text.Length > 0 ? " [error]" : "[error]");
        return text.ToString();
    }

    private static string Name(OpcodeType opcode) => opcode switch
    {
        OpcodeType.OP_1NEGATE => "-1",
        >= OpcodeType.OP_1 and <= OpcodeType.OP_16 => ((int)opcode - (int)OpcodeType.OP_1 + 1).ToString(),
        _ => Enum.IsDefined(opcode) ? opcode.ToString() : "OP_UNKNOWN",
    };
}
