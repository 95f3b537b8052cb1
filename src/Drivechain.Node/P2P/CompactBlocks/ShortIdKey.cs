using System.Buffers.Binary;
using System.Security.Cryptography;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P.CompactBlocks;

/// <summary>
/// BIP152's per-block SipHash key: the first two little-endian words of SHA256(header ‖ nonce as 8 little-endian bytes).
/// A short id is SipHash-2-4 of the wtxid (version 2) under this key, keeping the low 6 bytes.
/// </summary>
public readonly record struct ShortIdKey(ulong K0, ulong K1)
{
    /// <summary>Short ids are 6 bytes.</summary>
    public const ulong ShortIdMask = 0xffff_ffff_ffffUL;

    public static ShortIdKey For(BlockHeader header, ulong nonce)
    {
        Span<byte> preimage = stackalloc byte[BlockHeader.Size + 8];
        header.ToBytes().CopyTo(preimage);
        BinaryPrimitives.WriteUInt64LittleEndian(preimage[BlockHeader.Size..], nonce);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(preimage, digest);
        return new ShortIdKey(BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));
    }

    public ulong ShortId(UInt256 wtxid)
    {
        Span<byte> bytes = stackalloc byte[UInt256.Size];
        wtxid.WriteTo(bytes);
        return SipHash24.Hash(K0, K1, bytes) & ShortIdMask;
    }
}
