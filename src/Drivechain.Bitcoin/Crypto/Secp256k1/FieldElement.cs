using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>
/// An element of the secp256k1 base field, p = 2^256 − 2^32 − 977, as four 64-bit limbs (little-endian),
/// always fully reduced (&lt; p), so equality, zero and parity tests are direct. Variable time: this code
/// verifies public data and signs only in tests, so timing side channels are out of scope.
/// </summary>
internal readonly partial struct FieldElement : IEquatable<FieldElement>
{
    /// <summary>2^256 − p.</summary>
    private const ulong C = 0x1000003D1;
    private const ulong P0 = 0xFFFFFFFEFFFFFC2F;

    public readonly ulong N0, N1, N2, N3;

    public FieldElement(ulong n0, ulong n1, ulong n2, ulong n3)
    {
        N0 = n0;
        N1 = n1;
        N2 = n2;
        N3 = n3;
    }

    public static FieldElement Zero => default;
    public static FieldElement One => new(1, 0, 0, 0);
    public static FieldElement Seven => new(7, 0, 0, 0);

    /// <summary>β, a cube root of unity modulo p: (β·x, y) = λ·(x, y).</summary>
    public static FieldElement Beta => new(0xC1396C28719501EE, 0x9CF0497512F58995, 0x6E64479EAC3434E9, 0x7AE96A2B657C0710);

    public bool IsZero => (N0 | N1 | N2 | N3) == 0;
    public bool IsOdd => (N0 & 1) != 0;

    /// <summary>Reads 32 big-endian bytes; false (and the value reduced) when they encode a number ≥ p.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes32, out FieldElement value)
    {
        ulong n3 = BinaryPrimitives.ReadUInt64BigEndian(bytes32);
        ulong n2 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]);
        ulong n1 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]);
        ulong n0 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]);
        if (IsAtLeastP(n0, n1, n2, n3))
        {
            value = ReduceOnce(n0, n1, n2, n3);
            return false;
        }
        value = new FieldElement(n0, n1, n2, n3);
        return true;
    }

    public void WriteTo(Span<byte> bytes32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes32, N3);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[8..], N2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[16..], N1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[24..], N0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAtLeastP(ulong n0, ulong n1, ulong n2, ulong n3) =>
        (n3 & n2 & n1) == ulong.MaxValue && n0 >= P0;

    /// <summary>x + C mod 2^256, i.e. x − p for p ≤ x &lt; 2^256 (or for a value that overflowed 2^256 once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement ReduceOnce(ulong n0, ulong n1, ulong n2, ulong n3)
    {
        ulong carry = 0;
        n0 = AddCarry(n0, C, ref carry);
        n1 = AddCarry(n1, 0, ref carry);
        n2 = AddCarry(n2, 0, ref carry);
        n3 = AddCarry(n3, 0, ref carry);
        return new FieldElement(n0, n1, n2, n3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c = s < a ? 1UL : 0UL;
        ulong r = s + carry;
        c += r < s ? 1UL : 0UL;
        carry = c;
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b;
        ulong c = a < b ? 1UL : 0UL;
        ulong r = d - borrow;
        c += d < borrow ? 1UL : 0UL;
        borrow = c;
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator +(in FieldElement a, in FieldElement b)
    {
        ulong carry = 0;
        ulong r0 = AddCarry(a.N0, b.N0, ref carry);
        ulong r1 = AddCarry(a.N1, b.N1, ref carry);
        ulong r2 = AddCarry(a.N2, b.N2, ref carry);
        ulong r3 = AddCarry(a.N3, b.N3, ref carry);
        return carry != 0 || IsAtLeastP(r0, r1, r2, r3) ? ReduceOnce(r0, r1, r2, r3) : new FieldElement(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator -(in FieldElement a, in FieldElement b)
    {
        ulong borrow = 0;
        ulong r0 = SubBorrow(a.N0, b.N0, ref borrow);
        ulong r1 = SubBorrow(a.N1, b.N1, ref borrow);
        ulong r2 = SubBorrow(a.N2, b.N2, ref borrow);
        ulong r3 = SubBorrow(a.N3, b.N3, ref borrow);
        if (borrow == 0)
            return new FieldElement(r0, r1, r2, r3);
        // Wrapped below zero: add p, i.e. subtract C modulo 2^256.
        borrow = 0;
        r0 = SubBorrow(r0, C, ref borrow);
        r1 = SubBorrow(r1, 0, ref borrow);
        r2 = SubBorrow(r2, 0, ref borrow);
        r3 = SubBorrow(r3, 0, ref borrow);
        return new FieldElement(r0, r1, r2, r3);
    }

    public static FieldElement operator -(in FieldElement a) => Zero - a;

    /// <summary>a/2 mod p: a ≫ 1 when a is even, (a + p) ≫ 1 when odd.</summary>
    public FieldElement Half()
    {
        ulong n0 = N0, n1 = N1, n2 = N2, n3 = N3, top = 0;
        if ((n0 & 1) != 0)
        {
            ulong carry = 0;
            n0 = AddCarry(n0, P0, ref carry);
            n1 = AddCarry(n1, ulong.MaxValue, ref carry);
            n2 = AddCarry(n2, ulong.MaxValue, ref carry);
            n3 = AddCarry(n3, ulong.MaxValue, ref carry);
            top = carry;
        }
        return new FieldElement((n0 >> 1) | (n1 << 63), (n1 >> 1) | (n2 << 63), (n2 >> 1) | (n3 << 63), (n3 >> 1) | (top << 63));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldElement Double() => this + this;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator *(in FieldElement a, in FieldElement b) => Multiply(a, b);

    public bool Equals(FieldElement other) => ((N0 ^ other.N0) | (N1 ^ other.N1) | (N2 ^ other.N2) | (N3 ^ other.N3)) == 0;

    public override bool Equals(object? obj) => obj is FieldElement other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(N0, N1, N2, N3);

    public static bool operator ==(FieldElement a, FieldElement b) => a.Equals(b);

    public static bool operator !=(FieldElement a, FieldElement b) => !a.Equals(b);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteTo(bytes);
        return Convert.ToHexString(bytes);
    }
}
