using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;

namespace Drivechain.Testing.Consensus;

/// <summary>Deterministic identifiers for tests.</summary>
public static class Ids
{
    /// <summary>An M6ID derived from <paramref name="n"/>.</summary>
    public static M6Id M6(int n) => new(Hash("m6", n));

    /// <summary>A sidechain block commitment derived from <paramref name="n"/>.</summary>
    public static UInt256 SidechainBlock(int n) => Hash("h*", n);

    /// <summary>A hash derived from a label and a number.</summary>
    public static UInt256 Hash(string label, int n) => Hashes.Sha256d(System.Text.Encoding.UTF8.GetBytes($"{label}:{n}"));

    /// <summary>A sidechain description (version-0 declaration layout of §10) for a title.</summary>
    public static byte[] Description(string title)
    {
        var t = System.Text.Encoding.ASCII.GetBytes(title);
        var d = new byte[1 + 1 + t.Length + 8 + 32 + 20];
        d[1] = (byte)t.Length;
        t.CopyTo(d, 2);
        "test sc!"u8.CopyTo(d.AsSpan(2 + t.Length));
        d.AsSpan(10 + t.Length, 32).Fill(0x11);
        d.AsSpan(42 + t.Length, 20).Fill(0x12);
        return d;
    }
}
