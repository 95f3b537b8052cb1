using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>
/// An integer modulo the secp256k1 group order n, as four 64-bit limbs (little-endian), always fully reduced.
/// Variable time (see <see cref="FieldElement"/>).
/// </summary>
internal readonly partial struct Scalar : IEquatable<Scalar>
{
    private const ulong Order0 = 0xBFD25E8CD0364141, Order1 = 0xBAAEDCE6AF48A03B, Order2 = 0xFFFFFFFFFFFFFFFE, Order3 = 0xFFFFFFFFFFFFFFFF;
    private const ulong Half0 = 0xDFE92F46681B20A0, Half1 = 0x5D576E7357A4501D, Half2 = 0xFFFFFFFFFFFFFFFF, Half3 = 0x7FFFFFFFFFFFFFFF;

    /// <summary>2^256 − n (129 bits).</summary>
    private const ulong Complement0 = 0x402DA1732FC9BEBF, Complement1 = 0x4551231950B75FC4, Complement2 = 1;

    public readonly ulong N0, N1, N2, N3;

    public Scalar(ulong n0, ulong n1, ulong n2, ulong n3)
    {
        N0 = n0;
        N1 = n1;
        N2 = n2;
        N3 = n3;
    }

    public static Scalar Zero => default;
    public static Scalar One => new(1, 0, 0, 0);
    public static Scalar Order => new(Order0, Order1, Order2, Order3);

    public bool IsZero => (N0 | N1 | N2 | N3) == 0;

    /// <summary>The number of significant bits (0 for zero).</summary>
    public int BitLength =>
        N3 != 0 ? 256 - System.Numerics.BitOperations.LeadingZeroCount(N3) :
        N2 != 0 ? 192 - System.Numerics.BitOperations.LeadingZeroCount(N2) :
        N1 != 0 ? 128 - System.Numerics.BitOperations.LeadingZeroCount(N1) :
        64 - System.Numerics.BitOperations.LeadingZeroCount(N0);

    /// <summary>True when the value is greater than n/2 (a "high S").</summary>
    public bool IsHigh => Compare(N0, N1, N2, N3, Half0, Half1, Half2, Half3) > 0;

    /// <summary>Reads 32 big-endian bytes reduced modulo n; <paramref name="overflow"/> when they encoded a number ≥ n.</summary>
    public static Scalar Read(ReadOnlySpan<byte> bytes32, out bool overflow)
    {
        ulong n3 = BinaryPrimitives.ReadUInt64BigEndian(bytes32);
        ulong n2 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]);
        ulong n1 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]);
        ulong n0 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]);
        overflow = Compare(n0, n1, n2, n3, Order0, Order1, Order2, Order3) >= 0;
        if (overflow)
        {
            ulong borrow = 0;
            n0 = FieldElement.SubBorrow(n0, Order0, ref borrow);
            n1 = FieldElement.SubBorrow(n1, Order1, ref borrow);
            n2 = FieldElement.SubBorrow(n2, Order2, ref borrow);
            n3 = FieldElement.SubBorrow(n3, Order3, ref borrow);
        }
        return new Scalar(n0, n1, n2, n3);
    }

    /// <summary>Reads 32 big-endian bytes reduced modulo n.</summary>
    public static Scalar Read(ReadOnlySpan<byte> bytes32) => Read(bytes32, out _);

    public void WriteTo(Span<byte> bytes32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes32, N3);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[8..], N2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[16..], N1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[24..], N0);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[32];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary><paramref name="count"/> (≤ 31) bits starting at bit <paramref name="offset"/>; bits past 255 are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetBits(int offset, int count)
    {
        if (offset >= 256)
            return 0;
        int limb = offset >> 6, shift = offset & 63;
        ulong value = Limb(limb) >> shift;
        if (shift + count > 64 && limb < 3)
            value |= Limb(limb + 1) << (64 - shift);
        return (int)(value & ((1UL << count) - 1));
    }

    private ulong Limb(int index) => index switch { 0 => N0, 1 => N1, 2 => N2, _ => N3 };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Compare(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        if (a3 != b3) return a3 < b3 ? -1 : 1;
        if (a2 != b2) return a2 < b2 ? -1 : 1;
        if (a1 != b1) return a1 < b1 ? -1 : 1;
        if (a0 != b0) return a0 < b0 ? -1 : 1;
        return 0;
    }

    public static Scalar operator +(in Scalar a, in Scalar b)
    {
        ulong carry = 0;
        ulong r0 = FieldElement.AddCarry(a.N0, b.N0, ref carry);
        ulong r1 = FieldElement.AddCarry(a.N1, b.N1, ref carry);
        ulong r2 = FieldElement.AddCarry(a.N2, b.N2, ref carry);
        ulong r3 = FieldElement.AddCarry(a.N3, b.N3, ref carry);
        if (carry != 0 || Compare(r0, r1, r2, r3, Order0, Order1, Order2, Order3) >= 0)
        {
            ulong borrow = 0;
            r0 = FieldElement.SubBorrow(r0, Order0, ref borrow);
            r1 = FieldElement.SubBorrow(r1, Order1, ref borrow);
            r2 = FieldElement.SubBorrow(r2, Order2, ref borrow);
            r3 = FieldElement.SubBorrow(r3, Order3, ref borrow);
        }
        return new Scalar(r0, r1, r2, r3);
    }

    public static Scalar operator -(in Scalar a)
    {
        if (a.IsZero)
            return a;
        ulong borrow = 0;
        ulong r0 = FieldElement.SubBorrow(Order0, a.N0, ref borrow);
        ulong r1 = FieldElement.SubBorrow(Order1, a.N1, ref borrow);
        ulong r2 = FieldElement.SubBorrow(Order2, a.N2, ref borrow);
        ulong r3 = FieldElement.SubBorrow(Order3, a.N3, ref borrow);
        return new Scalar(r0, r1, r2, r3);
    }

    public static Scalar operator -(in Scalar a, in Scalar b) => a + -b;

    public bool Equals(Scalar other) => N0 == other.N0 && N1 == other.N1 && N2 == other.N2 && N3 == other.N3;

    public override bool Equals(object? obj) => obj is Scalar other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(N0, N1, N2, N3);

    public static bool operator ==(Scalar a, Scalar b) => a.Equals(b);

    public static bool operator !=(Scalar a, Scalar b) => !a.Equals(b);

    public override string ToString() => Convert.ToHexString(ToBytes());
}
