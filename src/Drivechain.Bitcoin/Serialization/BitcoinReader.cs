using System.Buffers.Binary;

namespace Drivechain.Bitcoin.Serialization;

/// <summary>
/// A forward-only reader of Bitcoin's wire encoding over a span. Every method is a <c>TryX</c>:
/// it returns false (and leaves the position unchanged) on truncated or non-canonical input,
/// never throws, and never allocates.
/// </summary>
public ref struct BitcoinReader
{
    /// <summary>Core's MAX_SIZE: the largest CompactSize a length or count may take.</summary>
    public const ulong MaxSize = 0x02000000;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Creates a reader at the start of <paramref name="data"/>.</summary>
    public BitcoinReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        LastError = ParseErrorKind.None;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Why the last failed read failed.</summary>
    public ParseErrorKind LastError { get; private set; }

    /// <summary>The error of the last failed read, at the current position.</summary>
    public readonly ParseError Error => new(LastError == ParseErrorKind.None ? ParseErrorKind.Truncated : LastError, _position);

    private bool Fail(ParseErrorKind kind)
    {
        LastError = kind;
        return false;
    }

    /// <summary>Reads <paramref name="count"/> bytes without copying.</summary>
    public bool TryReadBytes(int count, out ReadOnlySpan<byte> bytes)
    {
        if ((uint)count > (uint)Remaining) { bytes = default; return Fail(ParseErrorKind.Truncated); }
        bytes = _data.Slice(_position, count);
        _position += count;
        return true;
    }

    /// <summary>Skips <paramref name="count"/> bytes.</summary>
    public bool TrySkip(int count)
    {
        if ((uint)count > (uint)Remaining) return Fail(ParseErrorKind.Truncated);
        _position += count;
        return true;
    }

    /// <summary>Reads one byte.</summary>
    public bool TryReadByte(out byte value)
    {
        if (Remaining < 1) { value = 0; return Fail(ParseErrorKind.Truncated); }
        value = _data[_position++];
        return true;
    }

    /// <summary>Peeks at the next byte without consuming it.</summary>
    public readonly bool TryPeekByte(out byte value)
    {
        if (Remaining < 1) { value = 0; return false; }
        value = _data[_position];
        return true;
    }

    /// <summary>Reads a little-endian u16.</summary>
    public bool TryReadUInt16(out ushort value)
    {
        if (Remaining < 2) { value = 0; return Fail(ParseErrorKind.Truncated); }
        value = BinaryPrimitives.ReadUInt16LittleEndian(_data[_position..]);
        _position += 2;
        return true;
    }

    /// <summary>Reads a little-endian u32.</summary>
    public bool TryReadUInt32(out uint value)
    {
        if (Remaining < 4) { value = 0; return Fail(ParseErrorKind.Truncated); }
        value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_position..]);
        _position += 4;
        return true;
    }

    /// <summary>Reads a little-endian i32.</summary>
    public bool TryReadInt32(out int value)
    {
        var ok = TryReadUInt32(out var raw);
        value = (int)raw;
        return ok;
    }

    /// <summary>Reads a little-endian u64.</summary>
    public bool TryReadUInt64(out ulong value)
    {
        if (Remaining < 8) { value = 0; return Fail(ParseErrorKind.Truncated); }
        value = BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
        _position += 8;
        return true;
    }

    /// <summary>Reads a little-endian i64.</summary>
    public bool TryReadInt64(out long value)
    {
        var ok = TryReadUInt64(out var raw);
        value = (long)raw;
        return ok;
    }

    /// <summary>Reads a 32-byte hash in internal order.</summary>
    public bool TryReadUInt256(out Primitives.UInt256 value)
    {
        if (!TryReadBytes(32, out var bytes)) { value = default; return false; }
        value = new Primitives.UInt256(bytes);
        return true;
    }

    /// <summary>
    /// Reads a CompactSize as Core's ReadCompactSize(range_check=true) does: non-canonical encodings and
    /// values above <see cref="MaxSize"/> fail.
    /// </summary>
    public bool TryReadCompactSize(out ulong value) => TryReadCompactSize(out value, rangeCheck: true);

    /// <summary>Reads a CompactSize; <paramref name="rangeCheck"/> false allows values above MAX_SIZE.</summary>
    public bool TryReadCompactSize(out ulong value, bool rangeCheck)
    {
        int start = _position;
        value = 0;
        if (!TryReadByte(out var first)) return false;
        switch (first)
        {
            case < 0xfd:
                value = first;
                break;
            case 0xfd:
                if (!TryReadUInt16(out var v16)) { _position = start; return false; }
                if (v16 < 0xfd) { _position = start; return Fail(ParseErrorKind.NonCanonicalCompactSize); }
                value = v16;
                break;
            case 0xfe:
                if (!TryReadUInt32(out var v32)) { _position = start; return false; }
                if (v32 < 0x10000) { _position = start; return Fail(ParseErrorKind.NonCanonicalCompactSize); }
                value = v32;
                break;
            default:
                if (!TryReadUInt64(out var v64)) { _position = start; return false; }
                if (v64 < 0x100000000UL) { _position = start; return Fail(ParseErrorKind.NonCanonicalCompactSize); }
                value = v64;
                break;
        }
        if (rangeCheck && value > MaxSize) { _position = start; value = 0; return Fail(ParseErrorKind.CompactSizeTooLarge); }
        return true;
    }

    /// <summary>
    /// Reads a count of elements each at least <paramref name="minElementSize"/> bytes long, failing before any
    /// allocation when the remaining input could not hold that many.
    /// </summary>
    public bool TryReadCount(int minElementSize, out int count)
    {
        count = 0;
        int start = _position;
        if (!TryReadCompactSize(out var raw)) return false;
        if (minElementSize > 0 && raw > (ulong)(Remaining / minElementSize))
        {
            _position = start;
            return Fail(ParseErrorKind.CountTooLarge);
        }
        count = (int)raw;
        return true;
    }

    /// <summary>Reads CompactSize-prefixed bytes without copying.</summary>
    public bool TryReadVarBytes(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        int start = _position;
        if (!TryReadCompactSize(out var length)) return false;
        if (length > (ulong)Remaining) { _position = start; return Fail(ParseErrorKind.Truncated); }
        bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }
}
