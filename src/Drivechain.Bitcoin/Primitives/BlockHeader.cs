using System.Numerics;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>An 80-byte block header; its hash is computed once.</summary>
public sealed class BlockHeader : IEquatable<BlockHeader>
{
    /// <summary>Serialized size.</summary>
    public const int Size = 80;

    /// <summary>Builds a header and hashes it.</summary>
    public BlockHeader(int version, UInt256 previousBlockHash, UInt256 merkleRoot, uint time, uint bits, uint nonce)
    {
        Version = version;
        PreviousBlockHash = previousBlockHash;
        MerkleRoot = merkleRoot;
        Time = time;
        Bits = bits;
        Nonce = nonce;
        Span<byte> bytes = stackalloc byte[Size];
        var writer = new BitcoinWriter(bytes);
        WriteTo(ref writer);
        Hash = Hashes.Sha256d(bytes);
    }

    /// <summary>nVersion.</summary>
    public int Version { get; }
    /// <summary>hashPrevBlock.</summary>
    public UInt256 PreviousBlockHash { get; }
    /// <summary>hashMerkleRoot.</summary>
    public UInt256 MerkleRoot { get; }
    /// <summary>nTime (Unix seconds).</summary>
    public uint Time { get; }
    /// <summary>nBits: the compact target.</summary>
    public uint Bits { get; }
    /// <summary>nNonce.</summary>
    public uint Nonce { get; }
    /// <summary>The block hash (double SHA-256 of the 80 bytes).</summary>
    public UInt256 Hash { get; }

    /// <summary>A copy with another nonce (mining).</summary>
    public BlockHeader WithNonce(uint nonce) => new(Version, PreviousBlockHash, MerkleRoot, Time, Bits, nonce);

    /// <summary>Writes the 80 bytes.</summary>
    public void WriteTo(ref BitcoinWriter writer)
    {
        writer.WriteInt32(Version);
        writer.WriteUInt256(PreviousBlockHash);
        writer.WriteUInt256(MerkleRoot);
        writer.WriteUInt32(Time);
        writer.WriteUInt32(Bits);
        writer.WriteUInt32(Nonce);
    }

    /// <summary>The 80 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        var writer = new BitcoinWriter(bytes);
        WriteTo(ref writer);
        return bytes;
    }

    /// <summary>Reads 80 bytes at the reader's position.</summary>
    public static bool TryRead(ref BitcoinReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BlockHeader? header)
    {
        header = null;
        if (!reader.TryReadBytes(Size, out var bytes)) return false;
        var inner = new BitcoinReader(bytes);
        inner.TryReadInt32(out var version);
        inner.TryReadUInt256(out var prev);
        inner.TryReadUInt256(out var merkle);
        inner.TryReadUInt32(out var time);
        inner.TryReadUInt32(out var bits);
        inner.TryReadUInt32(out var nonce);
        header = new BlockHeader(version, prev, merkle, time, bits, nonce);
        return true;
    }

    /// <summary>Parses exactly 80 bytes; throws <see cref="ParseException"/> otherwise.</summary>
    public static BlockHeader Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new BitcoinReader(bytes);
        if (!TryRead(ref reader, out var header)) throw new ParseException(reader.Error, "block header");
        if (reader.Remaining != 0) throw new ParseException(new ParseError(ParseErrorKind.TrailingBytes, reader.Position), "block header");
        return header;
    }

    /// <summary>
    /// Decodes compact bits into a target as Core's arith_uint256::SetCompact does, reporting the
    /// negative and overflow cases.
    /// </summary>
    public static BigInteger DecodeCompact(uint compact, out bool negative, out bool overflow)
    {
        int size = (int)(compact >> 24);
        uint word = compact & 0x007fffff;
        // As in Core, the sign and overflow checks look at the mantissa after the small-size shift.
        if (size <= 3) word >>= 8 * (3 - size);
        BigInteger target = size <= 3 ? new BigInteger(word) : new BigInteger(word) << (8 * (size - 3));
        negative = word != 0 && (compact & 0x00800000) != 0;
        overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
        return target;
    }

    /// <summary>Encodes a target as compact bits, as Core's arith_uint256::GetCompact does.</summary>
    public static uint EncodeCompact(BigInteger target)
    {
        int size = target.IsZero ? 0 : (int)((target.GetBitLength() + 7) / 8);
        uint compact = size <= 3 ? (uint)(target << (8 * (3 - size))) : (uint)(target >> (8 * (size - 3)));
        if ((compact & 0x00800000) != 0)
        {
            compact >>= 8;
            size++;
        }
        return compact | (uint)(size << 24);
    }

    /// <summary>The target encoded by <see cref="Bits"/> (0 when negative or overflowing).</summary>
    public BigInteger Target
    {
        get
        {
            var target = DecodeCompact(Bits, out var negative, out var overflow);
            return negative || overflow ? BigInteger.Zero : target;
        }
    }

    /// <summary>Core's GetBlockProof: 2^256 / (target + 1), or 0 for an invalid target.</summary>
    public BigInteger Work
    {
        get
        {
            var target = DecodeCompact(Bits, out var negative, out var overflow);
            if (negative || overflow || target.IsZero) return BigInteger.Zero;
            return (BigInteger.One << 256) / (target + 1);
        }
    }

    /// <summary>True when the hash meets the target and the target is valid and within <paramref name="powLimit"/>.</summary>
    public bool CheckProofOfWork(BigInteger powLimit)
    {
        var target = DecodeCompact(Bits, out var negative, out var overflow);
        if (negative || overflow || target.IsZero || target > powLimit) return false;
        return Hash.ToBigInteger() <= target;
    }

    /// <inheritdoc />
    public bool Equals(BlockHeader? other) => other is not null && Hash == other.Hash;
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BlockHeader);
    /// <inheritdoc />
    public override int GetHashCode() => Hash.GetHashCode();
    /// <summary>The display hash.</summary>
    public override string ToString() => Hash.ToString();
}
