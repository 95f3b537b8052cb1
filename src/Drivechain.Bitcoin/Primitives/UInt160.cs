using System.Buffers.Binary;

namespace Drivechain.Bitcoin.Primitives;

/// <summary>A 160-bit value (HASH160 of a key or script) in internal byte order.</summary>
public readonly struct UInt160 : IEquatable<UInt160>, IComparable<UInt160>
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 20;

    private readonly ulong _w0, _w1;
    private readonly uint _w2;

    /// <summary>Creates a value from 20 bytes in internal order.</summary>
    /// <exception cref="ArgumentException">The span is not 20 bytes long.</exception>
    public UInt160(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"UInt160 needs {Size} bytes, got {bytes.Length}", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]);
    }

    /// <summary>Writes the 20 bytes in internal order.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], _w2);
    }

    /// <summary>The 20 bytes in internal order.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Internal-order hex (as it appears inside scripts).</summary>
    public override string ToString() => Convert.ToHexStringLower(ToBytes());

    /// <summary>Parses internal-order hex.</summary>
    public static UInt160 Parse(string hex) => new(Convert.FromHexString(hex));

    /// <inheritdoc />
    public bool Equals(UInt160 other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2;
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UInt160 other && Equals(other);
    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2);
    /// <inheritdoc />
    public int CompareTo(UInt160 other)
    {
        if (_w2 != other._w2) return _w2 < other._w2 ? -1 : 1;
        if (_w1 != other._w1) return _w1 < other._w1 ? -1 : 1;
        return _w0.CompareTo(other._w0);
    }

    /// <summary>Equal by value.</summary>
    public static bool operator ==(UInt160 left, UInt160 right) => left.Equals(right);
    /// <summary>Not equal by value.</summary>
    public static bool operator !=(UInt160 left, UInt160 right) => !left.Equals(right);
    /// <summary>Less than.</summary>
    public static bool operator <(UInt160 left, UInt160 right) => left.CompareTo(right) < 0;
    /// <summary>Greater than.</summary>
    public static bool operator >(UInt160 left, UInt160 right) => left.CompareTo(right) > 0;
    /// <summary>Less than or equal.</summary>
    public static bool operator <=(UInt160 left, UInt160 right) => left.CompareTo(right) <= 0;
    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(UInt160 left, UInt160 right) => left.CompareTo(right) >= 0;
}
