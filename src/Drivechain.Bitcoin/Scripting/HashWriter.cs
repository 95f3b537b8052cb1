using System.Buffers.Binary;
using System.Security.Cryptography;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>Streams Bitcoin-serialized fields into a SHA-256 (Core's HashWriter) without building the preimage.</summary>
internal sealed class HashWriter : IDisposable
{
    private readonly IncrementalHash _hash;

    public HashWriter() => _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private HashWriter(IncrementalHash hash) => _hash = hash;

    /// <summary>A writer for a BIP340 tagged hash.</summary>
    public static HashWriter Tagged(string tag) => new(Crypto.Hashes.TaggedHasher(tag));

    public void Write(ReadOnlySpan<byte> bytes) => _hash.AppendData(bytes);

    public void WriteByte(byte value) => _hash.AppendData([value]);

    public void WriteUInt32(uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        _hash.AppendData(buffer);
    }

    public void WriteInt64(long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        _hash.AppendData(buffer);
    }

    public void WriteUInt256(UInt256 value)
    {
        Span<byte> buffer = stackalloc byte[32];
        value.WriteTo(buffer);
        _hash.AppendData(buffer);
    }

    public void WriteCompactSize(ulong value)
    {
        Span<byte> buffer = stackalloc byte[9];
        int length;
        if (value < 0xfd) { buffer[0] = (byte)value; length = 1; }
        else if (value <= 0xffff) { buffer[0] = 0xfd; BinaryPrimitives.WriteUInt16LittleEndian(buffer[1..], (ushort)value); length = 3; }
        else if (value <= 0xffffffff) { buffer[0] = 0xfe; BinaryPrimitives.WriteUInt32LittleEndian(buffer[1..], (uint)value); length = 5; }
        else { buffer[0] = 0xff; BinaryPrimitives.WriteUInt64LittleEndian(buffer[1..], value); length = 9; }
        _hash.AppendData(buffer[..length]);
    }

    public void WriteVarBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCompactSize((ulong)bytes.Length);
        _hash.AppendData(bytes);
    }

    public void WriteOutPoint(OutPoint outPoint)
    {
        WriteUInt256(outPoint.TxId);
        WriteUInt32(outPoint.Index);
    }

    public void WriteTxOut(TxOut output)
    {
        WriteInt64(output.Value.Satoshis);
        WriteVarBytes(output.ScriptPubKey.Span);
    }

    /// <summary>The single SHA-256 of everything written.</summary>
    public UInt256 GetSha256()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        return new UInt256(digest);
    }

    /// <summary>SHA-256 applied twice.</summary>
    public UInt256 GetSha256d()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        SHA256.HashData(digest, digest);
        return new UInt256(digest);
    }

    public void Dispose() => _hash.Dispose();
}
