using System.Numerics;
using System.Runtime.CompilerServices;

namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>
/// Modular inversion by the binary extended Euclidean algorithm over four 64-bit limbs, for an odd prime
/// modulus (p or n). Variable time.
/// </summary>
internal static class BinaryInverse
{
    /// <summary>Replaces <paramref name="value"/> (nonzero, below the modulus) with its inverse.</summary>
    public static void Invert(Span<ulong> value, ReadOnlySpan<ulong> modulus)
    {
        Span<ulong> u = stackalloc ulong[4];
        Span<ulong> v = stackalloc ulong[4];
        Span<ulong> x1 = stackalloc ulong[4];
        Span<ulong> x2 = stackalloc ulong[4];
        value.CopyTo(u);
        modulus.CopyTo(v);
        x1[0] = 1;
        // Invariants: x1·a ≡ u and x2·a ≡ v (mod m).
        while (!IsOne(u) && !IsOne(v))
        {
            int shift = TrailingZeros(u);
            if (shift > 0)
            {
                ShiftRight(u, shift);
                for (int i = 0; i < shift; i++)
                    Halve(x1, modulus);
            }
            shift = TrailingZeros(v);
            if (shift > 0)
            {
                ShiftRight(v, shift);
                for (int i = 0; i < shift; i++)
                    Halve(x2, modulus);
            }
            if (Compare(u, v) >= 0)
            {
                Subtract(u, v);
                SubtractMod(x1, x2, modulus);
            }
            else
            {
                Subtract(v, u);
                SubtractMod(x2, x1, modulus);
            }
        }
        (IsOne(u) ? x1 : x2).CopyTo(value);
    }

    private static bool IsOne(ReadOnlySpan<ulong> a) => a[0] == 1 && (a[1] | a[2] | a[3]) == 0;

    /// <summary>Trailing zero bits of a nonzero value, capped at 63 (the loop shifts again if needed).</summary>
    private static int TrailingZeros(ReadOnlySpan<ulong> a) => a[0] != 0 ? BitOperations.TrailingZeroCount(a[0]) : 63;

    /// <summary>a ≫ shift for 0 &lt; shift &lt; 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ShiftRight(Span<ulong> a, int shift)
    {
        a[0] = (a[0] >> shift) | (a[1] << (64 - shift));
        a[1] = (a[1] >> shift) | (a[2] << (64 - shift));
        a[2] = (a[2] >> shift) | (a[3] << (64 - shift));
        a[3] >>= shift;
    }

    /// <summary>a ← a/2 mod m.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Halve(Span<ulong> a, ReadOnlySpan<ulong> m)
    {
        ulong carry = 0;
        if ((a[0] & 1) != 0)
        {
            a[0] = FieldElement.AddCarry(a[0], m[0], ref carry);
            a[1] = FieldElement.AddCarry(a[1], m[1], ref carry);
            a[2] = FieldElement.AddCarry(a[2], m[2], ref carry);
            a[3] = FieldElement.AddCarry(a[3], m[3], ref carry);
        }
        a[0] = (a[0] >> 1) | (a[1] << 63);
        a[1] = (a[1] >> 1) | (a[2] << 63);
        a[2] = (a[2] >> 1) | (a[3] << 63);
        a[3] = (a[3] >> 1) | (carry << 63);
    }

    private static int Compare(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (int i = 3; i >= 0; i--)
            if (a[i] != b[i])
                return a[i] < b[i] ? -1 : 1;
        return 0;
    }

    private static ulong Subtract(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        ulong borrow = 0;
        a[0] = FieldElement.SubBorrow(a[0], b[0], ref borrow);
        a[1] = FieldElement.SubBorrow(a[1], b[1], ref borrow);
        a[2] = FieldElement.SubBorrow(a[2], b[2], ref borrow);
        a[3] = FieldElement.SubBorrow(a[3], b[3], ref borrow);
        return borrow;
    }

    /// <summary>a ← a − b mod m, for a, b &lt; m.</summary>
    private static void SubtractMod(Span<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> m)
    {
        if (Subtract(a, b) == 0)
            return;
        ulong carry = 0;
        a[0] = FieldElement.AddCarry(a[0], m[0], ref carry);
        a[1] = FieldElement.AddCarry(a[1], m[1], ref carry);
        a[2] = FieldElement.AddCarry(a[2], m[2], ref carry);
        a[3] = FieldElement.AddCarry(a[3], m[3], ref carry);
    }
}
