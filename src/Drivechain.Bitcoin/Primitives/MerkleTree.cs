using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>Bitcoin's merkle tree over txids or wtxids.</summary>
public static class MerkleTree
{
    /// <summary>
    /// Core's ComputeMerkleRoot: pairs are hashed with SHA256d, an odd last element is paired with itself.
    /// <paramref name="mutated"/> reports two identical adjacent hashes at any level (CVE-2012-2459), which make
    /// a different transaction list produce the same root.
    /// </summary>
    public static UInt256 ComputeRoot(ReadOnlySpan<UInt256> leaves, out bool mutated)
    {
        mutated = false;
        if (leaves.IsEmpty) return UInt256.Zero;
        var level = new UInt256[leaves.Length + 1];
        leaves.CopyTo(level);
        int count = leaves.Length;
        Span<byte> pair = stackalloc byte[64];
        while (count > 1)
        {
            for (int i = 0; i + 1 < count; i += 2)
                if (level[i] == level[i + 1]) mutated = true;
            if ((count & 1) != 0)
            {
                level[count] = level[count - 1];
                count++;
            }
            int next = 0;
            for (int i = 0; i < count; i += 2)
            {
                level[i].WriteTo(pair);
                level[i + 1].WriteTo(pair[32..]);
                level[next++] = Hashes.Sha256d(pair);
            }
            count = next;
        }
        return level[0];
    }
}
