using System.Diagnostics.CodeAnalysis;

namespace Drivechain.Bitcoin.Addresses;

/// <summary>
/// BIP173 bech32 and BIP350 bech32m: a human-readable part, the separator '1', 5-bit data and a 6-character checksum.
/// Decoding follows Core: at most 90 characters, printable ASCII only, no mixed case, a non-empty HRP, at least the
/// checksum after the last '1'. Results are lowercase.
/// </summary>
public static class Bech32
{
    /// <summary>The 32 data characters, in value order.</summary>
    public const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    /// <summary>Core's limit for segwit addresses.</summary>
    public const int MaxLength = 90;

    private const int ChecksumLength = 6;
    private const uint Bech32Constant = 1;
    private const uint Bech32mConstant = 0x2bc830a3;

    private static readonly sbyte[] CharsetRev = BuildReverse();

    private static sbyte[] BuildReverse()
    {
        var rev = new sbyte[128];
        Array.Fill(rev, (sbyte)-1);
        for (int i = 0; i < Charset.Length; i++)
        {
            rev[Charset[i]] = (sbyte)i;
            rev[char.ToUpperInvariant(Charset[i])] = (sbyte)i;
        }
        return rev;
    }

    private static uint PolyMod(ReadOnlySpan<byte> values, uint chk = 1)
    {
        foreach (var v in values)
        {
            uint top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            if ((top & 1) != 0) chk ^= 0x3b6a57b2;
            if ((top & 2) != 0) chk ^= 0x26508e6d;
            if ((top & 4) != 0) chk ^= 0x1ea119fa;
            if ((top & 8) != 0) chk ^= 0x3d4233dd;
            if ((top & 16) != 0) chk ^= 0x2a1462b3;
        }
        return chk;
    }

    private static byte[] Expand(string hrp, ReadOnlySpan<byte> data, int extra)
    {
        var values = new byte[hrp.Length * 2 + 1 + data.Length + extra];
        for (int i = 0; i < hrp.Length; i++)
        {
            values[i] = (byte)(hrp[i] >> 5);
            values[hrp.Length + 1 + i] = (byte)(hrp[i] & 31);
        }
        data.CopyTo(values.AsSpan(hrp.Length * 2 + 1));
        return values;
    }

    /// <summary>
    /// Encodes 5-bit <paramref name="data"/> under <paramref name="hrp"/> (lowercase printable ASCII) with the chosen
    /// checksum.
    /// </summary>
    /// <exception cref="ArgumentException">The HRP is empty, not lowercase printable ASCII, a value exceeds 31, or the encoding is Invalid.</exception>
    public static string Encode(string hrp, ReadOnlySpan<byte> data, Bech32Encoding encoding)
    {
        ArgumentException.ThrowIfNullOrEmpty(hrp);
        if (encoding == Bech32Encoding.Invalid) throw new ArgumentException("choose bech32 or bech32m", nameof(encoding));
        foreach (var c in hrp)
            if (c < 33 || c > 126 || char.IsAsciiLetterUpper(c)) throw new ArgumentException($"invalid HRP '{hrp}'", nameof(hrp));
        foreach (var v in data)
            if (v > 31) throw new ArgumentException("data values must be 5-bit", nameof(data));

        var values = Expand(hrp, data, ChecksumLength);
        uint mod = PolyMod(values) ^ (encoding == Bech32Encoding.Bech32 ? Bech32Constant : Bech32mConstant);
        var chars = new char[hrp.Length + 1 + data.Length + ChecksumLength];
        hrp.CopyTo(chars);
        chars[hrp.Length] = '1';
        for (int i = 0; i < data.Length; i++) chars[hrp.Length + 1 + i] = Charset[data[i]];
        for (int i = 0; i < ChecksumLength; i++) chars[hrp.Length + 1 + data.Length + i] = Charset[(int)((mod >> (5 * (5 - i))) & 31)];
        return new string(chars);
    }

    /// <summary>
    /// Decodes a bech32 or bech32m string. Returns the encoding (or <see cref="Bech32Encoding.Invalid"/>), the lowercase
    /// HRP and the 5-bit data without the checksum.
    /// </summary>
    public static Bech32Encoding Decode(string? text, [NotNullWhen(true)] out string? hrp, [NotNullWhen(true)] out byte[]? data, int maxLength = MaxLength)
    {
        hrp = null;
        data = null;
        if (text is null || text.Length > maxLength) return Bech32Encoding.Invalid;
        bool lower = false, upper = false;
        foreach (var c in text)
        {
            if (c < 33 || c > 126) return Bech32Encoding.Invalid;
            if (char.IsAsciiLetterLower(c)) lower = true;
            else if (char.IsAsciiLetterUpper(c)) upper = true;
        }
        if (lower && upper) return Bech32Encoding.Invalid;
        int separator = text.LastIndexOf('1');
        if (separator < 1 || separator + 1 + ChecksumLength > text.Length) return Bech32Encoding.Invalid;

        var values = new byte[text.Length - separator - 1];
        for (int i = 0; i < values.Length; i++)
        {
            int v = CharsetRev[text[separator + 1 + i]];
            if (v < 0) return Bech32Encoding.Invalid;
            values[i] = (byte)v;
        }
        string lowerHrp = text[..separator].ToLowerInvariant();
        uint mod = PolyMod(Expand(lowerHrp, values, 0));
        var encoding = mod switch
        {
            Bech32Constant => Bech32Encoding.Bech32,
            Bech32mConstant => Bech32Encoding.Bech32m,
            _ => Bech32Encoding.Invalid,
        };
        if (encoding == Bech32Encoding.Invalid) return encoding;
        hrp = lowerHrp;
        data = values[..^ChecksumLength];
        return encoding;
    }

    /// <summary>
    /// Regroups bits (e.g. 8 → 5 for encoding, 5 → 8 for decoding). With <paramref name="pad"/> the last group is
    /// zero-padded; without it, leftover bits must be fewer than <paramref name="fromBits"/> and all zero.
    /// </summary>
    public static bool TryConvertBits(ReadOnlySpan<byte> input, int fromBits, int toBits, bool pad, [NotNullWhen(true)] out byte[]? output)
    {
        output = null;
        var result = new List<byte>(input.Length * fromBits / toBits + 1);
        uint acc = 0;
        int bits = 0;
        uint maxValue = (1u << toBits) - 1;
        uint maxAcc = (1u << (fromBits + toBits - 1)) - 1;
        foreach (var value in input)
        {
            if (value >> fromBits != 0) return false;
            acc = ((acc << fromBits) | value) & maxAcc;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((acc >> bits) & maxValue));
            }
        }
        if (pad)
        {
            if (bits > 0) result.Add((byte)((acc << (toBits - bits)) & maxValue));
        }
        else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0)
        {
            return false;
        }
        output = [.. result];
        return true;
    }
}
