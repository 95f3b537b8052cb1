using System.Buffers;
using System.Buffers.Binary;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Consensus.State;

/// <summary>A growable little-endian writer for the state and undo encodings.</summary>
internal sealed class ByteSink(ArrayBufferWriter<byte> buffer)
{
    private readonly ArrayBufferWriter<byte> _buffer = buffer;

    public ByteSink(int initialCapacity = 256) : this(new ArrayBufferWriter<byte>(initialCapacity)) { }

    public void WriteByte(byte value) { _buffer.GetSpan(1)[0] = value; _buffer.Advance(1); }
    public void WriteUInt16(ushort value) { BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), value); _buffer.Advance(2); }
    public void WriteUInt32(uint value) { BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value); _buffer.Advance(4); }
    public void WriteInt32(int value) => WriteUInt32((uint)value);
    public void WriteInt64(long value) { BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value); _buffer.Advance(8); }
    public void WriteUInt256(UInt256 value) { value.WriteTo(_buffer.GetSpan(32)); _buffer.Advance(32); }

    public void WriteCompactSize(ulong value)
    {
        var span = _buffer.GetSpan(9);
        var writer = new BitcoinWriter(span);
        writer.WriteCompactSize(value);
        _buffer.Advance(writer.Position);
    }

    public void WriteVarBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCompactSize((ulong)bytes.Length);
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
