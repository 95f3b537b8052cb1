namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Core's CScriptNum rules: little-endian sign-magnitude numbers read from stack items of at most
/// <see cref="DefaultMaxSize"/> bytes (5 for CLTV/CSV), optionally required to be minimally encoded.
/// Results of arithmetic may be longer than the inputs (they are 64-bit here, as in Core).
/// </summary>
public static class ScriptNum
{
    /// <summary>The default maximum operand size (4 bytes).</summary>
    public const int DefaultMaxSize = 4;

    /// <summary>The operand size allowed for CHECKLOCKTIMEVERIFY and CHECKSEQUENCEVERIFY.</summary>
    public const int LockTimeMaxSize = 5;

    /// <summary>
    /// Decodes <paramref name="data"/>; false (Core's SCRIPT_ERR_SCRIPTNUM) when it is longer than
    /// <paramref name="maxSize"/> or, with <paramref name="requireMinimal"/>, not minimally encoded.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, bool requireMinimal, int maxSize, out long value)
    {
        value = 0;
        if (data.Length > maxSize) return false;
        if (requireMinimal && !IsMinimallyEncoded(data)) return false;
        if (data.IsEmpty) return true;
        long result = 0;
        for (int i = 0; i < data.Length; i++) result |= (long)data[i] << (8 * i);
        if ((data[^1] & 0x80) != 0)
        {
            value = -(result & ~(0x80L << (8 * (data.Length - 1))));
            return true;
        }
        value = result;
        return true;
    }

    /// <summary>True when no shorter encoding of the same number exists (no needless trailing 0x00/0x80).</summary>
    public static bool IsMinimallyEncoded(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return true;
        // The last byte may only be 0x00/0x80 when the byte before it needs its top bit.
        if ((data[^1] & 0x7f) == 0)
        {
            if (data.Length <= 1 || (data[^2] & 0x80) == 0) return false;
        }
        return true;
    }

    /// <summary>The minimal encoding of <paramref name="value"/> (empty for zero).</summary>
    public static byte[] Encode(long value)
    {
        if (value == 0) return [];
        Span<byte> buffer = stackalloc byte[9];
        int length = Encode(value, buffer);
        return buffer[..length].ToArray();
    }

    /// <summary>Writes the minimal encoding of <paramref name="value"/> (at most 9 bytes); returns its length.</summary>
    public static int Encode(long value, Span<byte> destination)
    {
        if (value == 0) return 0;
        bool negative = value < 0;
        ulong magnitude = negative ? ~(ulong)value + 1 : (ulong)value;
        int length = 0;
        while (magnitude != 0)
        {
            destination[length++] = (byte)(magnitude & 0xff);
            magnitude >>= 8;
        }
        if ((destination[length - 1] & 0x80) != 0) destination[length++] = negative ? (byte)0x80 : (byte)0;
        else if (negative) destination[length - 1] |= 0x80;
        return length;
    }

    /// <summary>Core's getint(): the value clamped to the 32-bit signed range.</summary>
    public static int Clamp(long value) => value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
}
