namespace Drivechain.Bitcoin.Serialization;

/// <summary>Hex decoding straight from the UTF-8 bytes of a JSON string (no intermediate string).</summary>
public static class Hex
{
    private static readonly sbyte[] Values = BuildTable();

    /// <summary>Decodes <paramref name="utf8"/>; false (with the offending position) on odd length or a non-hex byte.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, out byte[] bytes, out int badPosition)
    {
        bytes = [];
        if ((utf8.Length & 1) != 0) { badPosition = utf8.Length; return false; }
        var result = GC.AllocateUninitializedArray<byte>(utf8.Length / 2);
        var table = Values;
        for (int i = 0, j = 0; j < result.Length; i += 2, j++)
        {
            int hi = table[utf8[i]], lo = table[utf8[i + 1]];
            if ((hi | lo) < 0) { badPosition = hi < 0 ? i : i + 1; return false; }
            result[j] = (byte)((hi << 4) | lo);
        }
        bytes = result;
        badPosition = -1;
        return true;
    }

    private static sbyte[] BuildTable()
    {
        var table = new sbyte[256];
        Array.Fill(table, (sbyte)-1);
        for (int c = '0'; c <= '9'; c++) table[c] = (sbyte)(c - '0');
        for (int c = 'a'; c <= 'f'; c++) table[c] = (sbyte)(c - 'a' + 10);
        for (int c = 'A'; c <= 'F'; c++) table[c] = (sbyte)(c - 'A' + 10);
        return table;
    }
}
