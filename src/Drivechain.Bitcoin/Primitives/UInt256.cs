using System.Buffers.Binary;
using System.Numerics;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>
/// A 256-bit value (hash, txid, block hash) kept in internal (little-endian, wire) byte order.
/// <see cref="ToString"/> gives Bitcoin Core's reversed "display" hex.
/// </summary>
public readonly struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 32;

    private readonly ulong _w0, _w1, _w2, _w3; // _w0 holds bytes 0..7 (least significant)

    /// <summary>The all-zero value.</summary>
    public static readonly UInt256 Zero;

    /// <summary>Creates a value from 32 bytes in internal order.</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public UInt256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"UInt256 needs {Size} bytes, got {bytes.Length}", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        _w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
    }

    /// <summary>Creates a value from four 64-bit words, least significant first.</summary>
    public UInt256(ulong w0, ulong w1, ulong w2, ulong w3) { _w0 = w0; _w1 = w1; _w2 = w2; _w3 = w3; }

    /// <summary>Creates a small value.</summary>
    public UInt256(ulong value) : this(value, 0, 0, 0) { }

    /// <summary>True when every bit is zero.</summary>
    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>Writes the 32 bytes in internal order.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _w3);
    }

    /// <summary>The 32 bytes in internal order.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Parses Core's display hex (64 hex digits, byte-reversed).</summary>
    /// <exception cref="FormatException">Not 64 hex digits.</exception>
    public static UInt256 Parse(string displayHex)
    {
        if (!TryParse(displayHex, out var value)) throw new FormatException($"not a 64-digit hex hash: '{displayHex}'");
        return value;
    }

    /// <summary>Parses Core's display hex (64 hex digits, byte-reversed); false on bad input.</summary>
    public static bool TryParse(string? displayHex, out UInt256 value)
    {
        value = default;
        if (displayHex is null || displayHex.Length != 64) return false;
        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(displayHex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size) return false;
        bytes.Reverse();
        value = new UInt256(bytes);
        return true;
    }

    /// <summary>Creates a value from internal-order hex (not reversed).</summary>
    public static UInt256 FromInternalHex(string hex) => new(Convert.FromHexString(hex));

    /// <summary>Internal-order hex (the bytes as serialized).</summary>
    public string ToInternalHex()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Core's display hex: the bytes reversed.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        bytes.Reverse();
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The value as an unsigned big integer (for chain-work arithmetic).</summary>
    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>Creates a value from a non-negative big integer below 2^256.</summary>
    public static UInt256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0 || value.GetByteCount(isUnsigned: true) > Size) throw new ArgumentOutOfRangeException(nameof(value));
        Span<byte> bytes = stackalloc byte[Size];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return new UInt256(bytes);
    }

    /// <summary>The least significant 64 bits.</summary>
    public ulong Low64 => _w0;

    /// <inheritdoc />
    public bool Equals(UInt256 other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => (int)_w0 ^ (int)(_w0 >> 32) ^ (int)_w1 ^ (int)_w3;

    /// <summary>Numeric comparison (the value read as a little-endian number).</summary>
    public int CompareTo(UInt256 other)
    {
        if (_w3 != other._w3) return _w3 < other._w3 ? -1 : 1;
        if (_w2 != other._w2) return _w2 < other._w2 ? -1 : 1;
        if (_w1 != other._w1) return _w1 < other._w1 ? -1 : 1;
        if (_w0 != other._w0) return _w0 < other._w0 ? -1 : 1;
        return 0;
    }

    /// <summary>Equal by value.</summary>
    public static bool operator ==(UInt256 left, UInt256 right) => left.Equals(right);
    /// <summary>Not equal by value.</summary>
    public static bool operator !=(UInt256 left, UInt256 right) => !left.Equals(right);
    /// <summary>Less than.</summary>
    public static bool operator <(UInt256 left, UInt256 right) => left.CompareTo(right) < 0;
    /// <summary>Greater than.</summary>
    public static bool operator >(UInt256 left, UInt256 right) => left.CompareTo(right) > 0;
    /// <summary>Less than or equal.</summary>
    public static bool operator <=(UInt256 left, UInt256 right) => left.CompareTo(right) <= 0;
    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(UInt256 left, UInt256 right) => left.CompareTo(right) >= 0;
}
