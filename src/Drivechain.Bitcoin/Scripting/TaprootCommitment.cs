using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>BIP341 commitment hashes: TapLeaf, TapBranch, TapTweak, and the control-block check.</summary>
public static class TaprootCommitment
{
    /// <summary>The tapscript leaf version.</summary>
    public const byte LeafTapscript = 0xc0;

    /// <summary>Mask of the leaf version in the control block's first byte.</summary>
    public const byte LeafMask = 0xfe;

    /// <summary>The annex tag (first byte of an annex witness item).</summary>
    public const byte AnnexTag = 0x50;

    /// <summary>Control block size without a merkle path.</summary>
    public const int ControlBaseSize = 33;

    /// <summary>Size of one merkle path node.</summary>
    public const int ControlNodeSize = 32;

    /// <summary>Maximum merkle path depth.</summary>
    public const int ControlMaxNodeCount = 128;

    /// <summary>Largest control block.</summary>
    public const int ControlMaxSize = ControlBaseSize + ControlNodeSize * ControlMaxNodeCount;

    /// <summary>TaggedHash("TapLeaf", leafVersion ‖ compactsize(len) ‖ script).</summary>
    public static UInt256 LeafHash(byte leafVersion, ReadOnlySpan<byte> script)
    {
        using var w = HashWriter.Tagged("TapLeaf");
        w.WriteByte(leafVersion);
        w.WriteVarBytes(script);
        return w.GetSha256();
    }

    /// <summary>TaggedHash("TapBranch", min(a,b) ‖ max(a,b)) comparing bytes lexicographically.</summary>
    public static UInt256 BranchHash(ReadOnlySpan<byte> a32, ReadOnlySpan<byte> b32)
    {
        using var w = HashWriter.Tagged("TapBranch");
        if (a32.SequenceCompareTo(b32) < 0)
        {
            w.Write(a32);
            w.Write(b32);
        }
        else
        {
            w.Write(b32);
            w.Write(a32);
        }
        return w.GetSha256();
    }

    /// <summary>TaggedHash("TapTweak", internalKey ‖ merkleRoot), or of the key alone when there is no script tree.</summary>
    public static UInt256 TweakHash(ReadOnlySpan<byte> internalKey32, UInt256? merkleRoot)
    {
        using var w = HashWriter.Tagged("TapTweak");
        w.Write(internalKey32);
        if (merkleRoot is { } root) w.WriteUInt256(root);
        return w.GetSha256();
    }

    /// <summary>Core's VerifyTaprootCommitment: the control block proves <paramref name="tapleafHash"/> is committed in the output key.</summary>
    public static bool VerifyCommitment(ReadOnlySpan<byte> control, ReadOnlySpan<byte> outputKey32, UInt256 tapleafHash, ISignatureChecker checker)
    {
        ArgumentNullException.ThrowIfNull(checker);
        int pathLength = (control.Length - ControlBaseSize) / ControlNodeSize;
        var internalKey = control.Slice(1, 32);
        Span<byte> k = stackalloc byte[32];
        tapleafHash.WriteTo(k);
        for (int i = 0; i < pathLength; i++)
        {
            var node = control.Slice(ControlBaseSize + ControlNodeSize * i, ControlNodeSize);
            BranchHash(k, node).WriteTo(k);
        }
        Span<byte> tweak = stackalloc byte[32];
        TweakHash(internalKey, new UInt256(k)).WriteTo(tweak);
        return checker.CheckTapTweak(internalKey, tweak, outputKey32, (control[0] & 1) != 0);
    }
}
