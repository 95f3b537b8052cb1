namespace Drivechain.Node.Rpc.Json;

/// <summary>The 8-character output-descriptor checksum (BIP380), appended as <c>#xxxxxxxx</c>.</summary>
public static class DescriptorChecksum
{
    private const string InputCharset =
        "0123456789()[],'/*abcdefgh@:$%{}" +
        "IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~" +
        "ijklmnopqrstuvwxyzABCDEFGH`#\"\\ ";

    private const string ChecksumCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    /// <summary>The checksum, or null when the descriptor has a character outside the descriptor charset.</summary>
    public static string? Compute(string descriptor)
    {
        ulong c = 1;
        var cls = 0;
        var clsCount = 0;
        foreach (var ch in descriptor)
        {
            var pos = InputCharset.IndexOf(ch, StringComparison.Ordinal);
            if (pos < 0) return null;
            c = PolyMod(c, pos & 31);
            cls = cls * 3 + (pos >> 5);
            if (++clsCount == 3)
            {
                c = PolyMod(c, cls);
                cls = 0;
                clsCount = 0;
            }
        }
        if (clsCount > 0) c = PolyMod(c, cls);
        for (var j = 0; j < 8; j++) c = PolyMod(c, 0);
        c ^= 1;
        var result = new char[8];
        for (var j = 0; j < 8; j++) result[j] = ChecksumCharset[(int)((c >> (5 * (7 - j))) & 31)];
        return new string(result);
    }

    public static string AddChecksum(string descriptor) => $"{descriptor}#{Compute(descriptor)}";

    /// <summary>Splits <c>desc#checksum</c>; false when a given checksum does not match.</summary>
    public static bool TryStrip(string text, out string descriptor, out string? error)
    {
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            descriptor = text;
            error = null;
            return true;
        }
        descriptor = text[..hash];
        var given = text[(hash + 1)..];
        var expected = Compute(descriptor);
        if (given.Length != 8)
        {
            error = $"Expected 8 character checksum, not {given.Length} characters";
            return false;
        }
        if (expected != given)
        {
            error = $"Provided checksum '{given}' does not match computed checksum '{expected}'";
            return false;
        }
        error = null;
        return true;
    }

    private static ulong PolyMod(ulong c, int value)
    {
        var c0 = (byte)(c >> 35);
        c = ((c & 0x7ffffffffUL) << 5) ^ (ulong)value;
        if ((c0 & 1) != 0) c ^= 0xf5dee51989UL;
        if ((c0 & 2) != 0) c ^= 0xa9fdca3312UL;
        if ((c0 & 4) != 0) c ^= 0x1bab10e32dUL;
        if ((c0 & 8) != 0) c ^= 0x3706b1677aUL;
        if ((c0 & 16) != 0) c ^= 0x644d626ffdUL;
        return c;
    }
}
