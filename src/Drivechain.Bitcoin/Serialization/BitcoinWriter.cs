using System.Buffers.Binary;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Serialization;

/// <summary>
/// A forward-only writer of Bitcoin's wire encoding into a span sized by the caller
/// (use the <c>GetSerializedSize</c> of the type being written).
/// </summary>
public ref struct BitcoinWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    /// <summary>Creates a writer at the start of <paramref name="buffer"/>.</summary>
    public BitcoinWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>Writes raw bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value) => _buffer[_position++] = value;

    /// <summary>Writes a little-endian u16.</summary>
    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[_position..], value);
        _position += 2;
    }

    /// <summary>Writes a little-endian u32.</summary>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer[_position..], value);
        _position += 4;
    }

    /// <summary>Writes a little-endian i32.</summary>
    public void WriteInt32(int value) => WriteUInt32((uint)value);

    /// <summary>Writes a little-endian u64.</summary>
    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer[_position..], value);
        _position += 8;
    }

    /// <summary>Writes a little-endian i64.</summary>
    public void WriteInt64(long value) => WriteUInt64((ulong)value);

    /// <summary>Writes a 32-byte hash in internal order.</summary>
    public void WriteUInt256(UInt256 value)
    {
        value.WriteTo(_buffer[_position..]);
        _position += 32;
    }

    /// <summary>Writes a canonical CompactSize.</summary>
    public void WriteCompactSize(ulong value)
    {
        if (value < 0xfd) WriteByte((byte)value);
        else if (value <= 0xffff) { WriteByte(0xfd); WriteUInt16((ushort)value); }
        else if (value <= 0xffffffff) { WriteByte(0xfe); WriteUInt32((uint)value); }
        else { WriteByte(0xff); WriteUInt64(value); }
    }

    /// <summary>Writes CompactSize-prefixed bytes.</summary>
    public void WriteVarBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCompactSize((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    /// <summary>The encoded size of a CompactSize.</summary>
    public static int CompactSizeLength(ulong value) => value < 0xfd ? 1 : value <= 0xffff ? 3 : value <= 0xffffffff ? 5 : 9;

    /// <summary>The encoded size of CompactSize-prefixed bytes.</summary>
    public static int VarBytesLength(int length) => CompactSizeLength((ulong)length) + length;
}
