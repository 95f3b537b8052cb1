using System.Buffers;
using System.Collections.Frozen;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Collects Bitcoin-serialized fields (Core's HashWriter) in a pooled buffer and hashes them in one shot,
/// which is much cheaper than an incremental hash object per signature hash.
/// </summary>
internal sealed class HashWriter : IDisposable
{
    private static readonly FrozenDictionary<string, byte[]> TagHashes = new[] { "TapSighash", "TapLeaf", "TapBranch", "TapTweak" }
        .ToFrozenDictionary(t => t, t => SHA256.HashData(Encoding.ASCII.GetBytes(t)));

    private byte[] _buffer;
    private int _length;

    public HashWriter(int capacity = 256) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>A writer for a BIP340 tagged hash: starts with SHA256(tag) twice.</summary>
    public static HashWriter Tagged(string tag)
    {
        var writer = new HashWriter();
        var tagHash = TagHashes.TryGetValue(tag, out var cached) ? cached : SHA256.HashData(Encoding.UTF8.GetBytes(tag));
        writer.Write(tagHash);
        writer.Write(tagHash);
        return writer;
    }

    private Span<byte> Grow(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Grow(bytes.Length));

    public void WriteByte(byte value) => Grow(1)[0] = value;

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Grow(4), value);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Grow(8), value);
    }

    public void WriteUInt256(UInt256 value)
    {
        value.WriteTo(Grow(32));
    }

    public void WriteCompactSize(ulong value)
    {
        Span<byte> buffer = stackalloc byte[9];
        int length;
        if (value < 0xfd) { buffer[0] = (byte)value; length = 1; }
        else if (value <= 0xffff) { buffer[0] = 0xfd; BinaryPrimitives.WriteUInt16LittleEndian(buffer[1..], (ushort)value); length = 3; }
        else if (value <= 0xffffffff) { buffer[0] = 0xfe; BinaryPrimitives.WriteUInt32LittleEndian(buffer[1..], (uint)value); length = 5; }
        else { buffer[0] = 0xff; BinaryPrimitives.WriteUInt64LittleEndian(buffer[1..], value); length = 9; }
        Write(buffer[..length]);
    }

    public void WriteVarBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCompactSize((ulong)bytes.Length);
        Write(bytes);
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
        Sha256Hasher.Hash(_buffer.AsSpan(0, _length), digest);
        _length = 0;
        return new UInt256(digest);
    }

    /// <summary>SHA-256 applied twice.</summary>
    public UInt256 GetSha256d()
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256Hasher.Hash(_buffer.AsSpan(0, _length), digest);
        _length = 0;
        Sha256Hasher.Hash(digest, digest);
        return new UInt256(digest);
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
