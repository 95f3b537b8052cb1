using System.Diagnostics.CodeAnalysis;

namespace Drivechain.Bitcoin.Addresses;

/// <summary>
/// Raw Base58 (Bitcoin's alphabet, no checksum). Each leading zero byte maps to one leading '1'. Decoding is strict:
/// any character outside the alphabet (including whitespace) makes the string invalid.
/// </summary>
public static class Base58
{
    /// <summary>The 58 characters, in digit order.</summary>
    public const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] Digits = BuildDigits();

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (int i = 0; i < Alphabet.Length; i++) digits[Alphabet[i]] = (sbyte)i;
        return digits;
    }

    /// <summary>Encodes <paramref name="data"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        int zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        // log(256) / log(58) ≈ 1.365: base-58 digits needed, little-endian.
        int capacity = (data.Length - zeros) * 138 / 100 + 1;
        Span<byte> digits = capacity <= 512 ? stackalloc byte[capacity] : new byte[capacity];
        int length = 0;
        for (int i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            for (int j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        var chars = new char[zeros + length];
        chars.AsSpan(0, zeros).Fill('1');
        for (int k = 0; k < length; k++) chars[zeros + k] = Alphabet[digits[length - 1 - k]];
        return new string(chars);
    }

    /// <summary>
    /// Decodes <paramref name="text"/>; false when it holds a character outside the alphabet or would decode to
    /// more than <paramref name="maxLength"/> bytes.
    /// </summary>
    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? data, int maxLength = int.MaxValue)
    {
        data = null;
        if (text is null) return false;
        int zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;
        if (zeros > maxLength) return false;
        // log(58) / log(256) ≈ 0.733: bytes needed, little-endian.
        int capacity = (text.Length - zeros) * 733 / 1000 + 1;
        var bytes = new byte[capacity];
        int length = 0;
        for (int i = zeros; i < text.Length; i++)
        {
            char c = text[i];
            int carry = c < 128 ? Digits[c] : -1;
            if (carry < 0) return false;
            for (int j = 0; j < length; j++)
            {
                carry += bytes[j] * 58;
                bytes[j] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                bytes[length++] = (byte)carry;
                carry >>= 8;
            }
            if (zeros + length > maxLength) return false;
        }
        var result = new byte[zeros + length];
        for (int k = 0; k < length; k++) result[zeros + k] = bytes[length - 1 - k];
        data = result;
        return true;
    }
}
