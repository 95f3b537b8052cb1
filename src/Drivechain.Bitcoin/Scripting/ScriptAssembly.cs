using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Script text forms of Bitcoin Core: <see cref="Parse"/> reads the notation of Core's test vectors
/// (ParseScript: numbers, 0x raw bytes, 'strings', opcode names with or without OP_), and <see cref="ToAsm"/>
/// writes the decodescript "asm" form (ScriptToAsmStr, optionally decoding signature hash types).
/// </summary>
public static class ScriptAssembly
{
    private static readonly FrozenDictionary<string, byte> OpNames = BuildOpNames().ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<byte, string> SigHashNames = new Dictionary<byte, string>
    {
        [0x01] = "ALL", [0x81] = "ALL|ANYONECANPAY", [0x02] = "NONE", [0x82] = "NONE|ANYONECANPAY",
        [0x03] = "SINGLE", [0x83] = "SINGLE|ANYONECANPAY",
    }.ToFrozenDictionary();

    private static Dictionary<string, byte> BuildOpNames()
    {
        var names = new Dictionary<string, byte>(StringComparer.Ordinal);
        for (int op = 0; op <= (int)OpcodeType.OP_NOP10; op++)
        {
            if (op < (int)OpcodeType.OP_NOP && op != (int)OpcodeType.OP_RESERVED) continue;
            string name = OpName((byte)op);
            if (name == "OP_UNKNOWN") continue;
            names[name] = (byte)op;
            names[name[3..]] = (byte)op;
        }
        return names;
    }

    /// <summary>Core's GetOpName: "0", "-1", "1".."16", "OP_DUP", …, "OP_UNKNOWN" for undefined bytes.</summary>
    public static string OpName(byte opcode)
    {
        if (opcode == 0) return "0";
        if (opcode == (byte)OpcodeType.OP_1NEGATE) return "-1";
        if (opcode >= (byte)OpcodeType.OP_1 && opcode <= (byte)OpcodeType.OP_16) return (opcode - 0x50).ToString(CultureInfo.InvariantCulture);
        if (opcode < (byte)OpcodeType.OP_PUSHDATA1) return "OP_UNKNOWN";
        return Enum.IsDefined((OpcodeType)opcode) ? ((OpcodeType)opcode).ToString() : "OP_UNKNOWN";
    }

    /// <summary>Parses Core's test notation; throws <see cref="FormatException"/> on an unknown token.</summary>
    public static Script Parse(string text) =>
        TryParse(text, out var script, out var bad) ? script : throw new FormatException($"script parse error: '{bad}'");

    /// <summary>Parses Core's test notation; false with the offending token on error.</summary>
    public static bool TryParse(string text, out Script script, out string? badToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        script = Script.Empty;
        badToken = null;
        var result = new List<byte>();
        foreach (var word in text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsDecimal(word))
            {
                if (!long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) ||
                    n > 0xffffffffL || n < -0xffffffffL)
                {
                    badToken = word;
                    return false;
                }
                AppendNumber(result, n);
            }
            else if (word.Length > 2 && word.StartsWith("0x", StringComparison.Ordinal) && word.Length % 2 == 0 && IsHex(word.AsSpan(2)))
            {
                result.AddRange(Convert.FromHexString(word.AsSpan(2)));
            }
            else if (word.Length >= 2 && word[0] == '\'' && word[^1] == '\'')
            {
                result.AddRange(ScriptPatterns.EncodePush(Encoding.ASCII.GetBytes(word[1..^1])));
            }
            else if (OpNames.TryGetValue(word, out byte op))
            {
                result.Add(op);
            }
            else
            {
                badToken = word;
                return false;
            }
        }
        script = new Script(result.ToArray());
        return true;
    }

    private static bool IsDecimal(string word)
    {
        int start = word[0] == '-' ? 1 : 0;
        if (word.Length == start) return false;
        for (int i = start; i < word.Length; i++)
            if (!char.IsAsciiDigit(word[i])) return false;
        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    /// <summary>CScript &lt;&lt; int64: OP_1NEGATE, OP_0, OP_1..OP_16, or a minimal script-number push.</summary>
    private static void AppendNumber(List<byte> result, long n)
    {
        if (n == -1 || (n >= 1 && n <= 16)) result.Add((byte)(n + ((int)OpcodeType.OP_1 - 1)));
        else if (n == 0) result.Add((byte)OpcodeType.OP_0);
        else result.AddRange(ScriptPatterns.EncodePush(ScriptNum.Encode(n)));
    }

    /// <summary>
    /// Core's ScriptToAsmStr. Pushes of up to 4 bytes print as numbers, longer ones as hex; with
    /// <paramref name="attemptSighashDecode"/>, pushes that look like strict-DER signatures print their hash type
    /// as "[ALL]" etc. (not in OP_RETURN scripts). A truncated push ends the text with "[error]".
    /// </summary>
    public static string ToAsm(Script script, bool attemptSighashDecode = false)
    {
        var span = script.Span;
        var sb = new StringBuilder();
        var reader = new ScriptReader(span);
        while (!reader.AtEnd)
        {
            if (sb.Length > 0) sb.Append(' ');
            if (!reader.TryRead(out var op))
            {
                sb.Append("[error]");
                break;
            }
            if ((byte)op.Opcode <= (byte)OpcodeType.OP_PUSHDATA4)
            {
                var data = op.Data;
                if (data.Length <= 4)
                {
                    ScriptNum.TryDecode(data, false, 4, out long value);
                    sb.Append(ScriptNum.Clamp(value).ToString(CultureInfo.InvariantCulture));
                }
                else if (attemptSighashDecode && !ScriptPatterns.IsUnspendable(span) &&
                         SignatureEncoding.CheckSignatureEncoding(data, ScriptVerifyFlags.StrictEnc) == ScriptError.Ok &&
                         SigHashNames.TryGetValue(data[^1], out var name))
                {
                    sb.Append(Convert.ToHexStringLower(data[..^1])).Append('[').Append(name).Append(']');
                }
                else
                {
                    sb.Append(Convert.ToHexStringLower(data));
                }
            }
            else
            {
                sb.Append(OpName((byte)op.Opcode));
            }
        }
        return sb.ToString();
    }
}
