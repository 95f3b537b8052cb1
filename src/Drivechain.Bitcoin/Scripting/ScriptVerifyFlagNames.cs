using System.Text;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>Core's names of <see cref="ScriptVerifyFlags"/> ("P2SH", "STRICTENC", …) and the comma-separated form.</summary>
public static class ScriptVerifyFlagNames
{
    private static readonly string[] Names =
    [
        "P2SH", "STRICTENC", "DERSIG", "LOW_S", "NULLDUMMY", "SIGPUSHONLY", "MINIMALDATA", "DISCOURAGE_UPGRADABLE_NOPS",
        "CLEANSTACK", "CHECKLOCKTIMEVERIFY", "CHECKSEQUENCEVERIFY", "WITNESS", "DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM",
        "MINIMALIF", "NULLFAIL", "WITNESS_PUBKEYTYPE", "CONST_SCRIPTCODE", "TAPROOT", "DISCOURAGE_UPGRADABLE_TAPROOT_VERSION",
        "DISCOURAGE_OP_SUCCESS", "DISCOURAGE_UPGRADABLE_PUBKEYTYPE",
    ];

    /// <summary>
    /// Parses "P2SH,STRICTENC" (no spaces; "" and "NONE" mean no flags). False on an unknown name
    /// (<paramref name="unknown"/> names it).
    /// </summary>
    public static bool TryParse(string text, out ScriptVerifyFlags flags, out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(text);
        flags = ScriptVerifyFlags.None;
        unknown = null;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name == "NONE") continue;
            int index = Array.IndexOf(Names, name.StartsWith("SCRIPT_VERIFY_", StringComparison.Ordinal) ? name[14..] : name);
            if (index < 0) { unknown = name; return false; }
            flags |= (ScriptVerifyFlags)(1u << index);
        }
        return true;
    }

    /// <summary>Parses a flag string; throws <see cref="FormatException"/> on an unknown name.</summary>
    public static ScriptVerifyFlags Parse(string text) =>
        TryParse(text, out var flags, out var unknown) ? flags : throw new FormatException($"unknown script flag '{unknown}'");

    /// <summary>The comma-separated Core names of the set bits ("" for none).</summary>
    public static string Format(ScriptVerifyFlags flags)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < Names.Length; i++)
        {
            if (((uint)flags & (1u << i)) == 0) continue;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(Names[i]);
        }
        return sb.ToString();
    }

    /// <summary>The Core name of one flag bit.</summary>
    public static string NameOf(ScriptVerifyFlags singleFlag)
    {
        int index = System.Numerics.BitOperations.TrailingZeroCount((uint)singleFlag);
        return System.Numerics.BitOperations.PopCount((uint)singleFlag) == 1 && index < Names.Length
            ? Names[index] : throw new ArgumentException("not a single known flag", nameof(singleFlag));
    }
}
