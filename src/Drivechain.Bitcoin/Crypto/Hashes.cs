using System.Text;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Crypto;

/// <summary>The hash functions of Bitcoin's consensus rules.</summary>
public static class Hashes
{
    /// <summary>SHA-256.</summary>
    public static UInt256 Sha256(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256Hasher.Hash(data, digest);
        return new UInt256(digest);
    }

    /// <summary>SHA-256 into a caller's 32-byte buffer.</summary>
    public static void Sha256(ReadOnlySpan<byte> data, Span<byte> digest) => Sha256Hasher.Hash(data, digest);

    /// <summary>SHA256(SHA256(data)) — txids, block hashes, checksums.</summary>
    public static UInt256 Sha256d(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256Hasher.Hash(data, digest);
        Sha256Hasher.Hash(digest, digest);
        return new UInt256(digest);
    }

    /// <summary>SHA256(SHA256(data)) into a caller's 32-byte buffer.</summary>
    public static void Sha256d(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        Sha256Hasher.Hash(data, digest);
        Sha256Hasher.Hash(digest[..32], digest);
    }

    /// <summary>RIPEMD-160.</summary>
    public static UInt160 Ripemd160(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[20];
        Crypto.Ripemd160.HashData(data, digest);
        return new UInt160(digest);
    }

    /// <summary>RIPEMD160(SHA256(data)) — key and script hashes.</summary>
    public static UInt160 Hash160(ReadOnlySpan<byte> data)
    {
        Span<byte> sha = stackalloc byte[32];
        Sha256Hasher.Hash(data, sha);
        Span<byte> digest = stackalloc byte[20];
        Crypto.Ripemd160.HashData(sha, digest);
        return new UInt160(digest);
    }

    /// <summary>BIP340 tagged hash: SHA256(SHA256(tag) ‖ SHA256(tag) ‖ data).</summary>
    public static UInt256 TaggedHash(string tag, ReadOnlySpan<byte> data)
    {
        var hasher = TaggedHasher(tag);
        hasher.Append(data);
        Span<byte> digest = stackalloc byte[32];
        hasher.Finish(digest);
        return new UInt256(digest);
    }

    /// <summary>An incremental SHA-256 already fed with the tag prefix of <paramref name="tag"/>.</summary>
    public static Sha256Hasher TaggedHasher(string tag)
    {
        Span<byte> tagHash = stackalloc byte[32];
        Sha256Hasher.Hash(Encoding.UTF8.GetBytes(tag), tagHash);
        var hasher = new Sha256Hasher();
        hasher.Append(tagHash);
        hasher.Append(tagHash);
        return hasher;
    }
}
