using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Drivechain.Bitcoin.Crypto.Secp256k1;

internal readonly partial struct FieldElement
{
    /// <summary>
    /// The high word of a·b. With BMI2 this is a register-only mulx (Math.BigMul's low word goes through
    /// memory, which lengthens every multiply-accumulate chain); the low word is a plain a·b.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    /// <summary>Accumulates a·b into the 192-bit accumulator (c0, c1, c2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulAcc(ulong a, ulong b, ref ulong c0, ref ulong c1, ref ulong c2)
    {
        ulong hi = MultiplyHigh(a, b), lo = a * b;
        c0 += lo;
        hi += c0 < lo ? 1UL : 0UL;   // hi ≤ 2^64 − 2, so this cannot overflow
        c1 += hi;
        c2 += c1 < hi ? 1UL : 0UL;
    }

    public static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a.N0, a1 = a.N1, a2 = a.N2, a3 = a.N3;
        ulong b0 = b.N0, b1 = b.N1, b2 = b.N2, b3 = b.N3;
        ulong c0 = 0, c1 = 0, c2 = 0;

        MulAcc(a0, b0, ref c0, ref c1, ref c2);
        ulong t0 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a0, b1, ref c0, ref c1, ref c2);
        MulAcc(a1, b0, ref c0, ref c1, ref c2);
        ulong t1 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a0, b2, ref c0, ref c1, ref c2);
        MulAcc(a1, b1, ref c0, ref c1, ref c2);
        MulAcc(a2, b0, ref c0, ref c1, ref c2);
        ulong t2 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a0, b3, ref c0, ref c1, ref c2);
        MulAcc(a1, b2, ref c0, ref c1, ref c2);
        MulAcc(a2, b1, ref c0, ref c1, ref c2);
        MulAcc(a3, b0, ref c0, ref c1, ref c2);
        ulong t3 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a1, b3, ref c0, ref c1, ref c2);
        MulAcc(a2, b2, ref c0, ref c1, ref c2);
        MulAcc(a3, b1, ref c0, ref c1, ref c2);
        ulong t4 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a2, b3, ref c0, ref c1, ref c2);
        MulAcc(a3, b2, ref c0, ref c1, ref c2);
        ulong t5 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a3, b3, ref c0, ref c1, ref c2);
        ulong t6 = c0, t7 = c1;

        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    /// <summary>a²: the six cross products once, doubled by a shift, plus the four squares.</summary>
    public FieldElement Square()
    {
        ulong a0 = N0, a1 = N1, a2 = N2, a3 = N3;
        ulong c0 = 0, c1 = 0, c2 = 0;

        // Cross products a_i·a_j (i < j) into words 1..6 (x1..x6, x7 is the final carry word).
        MulAcc(a0, a1, ref c0, ref c1, ref c2);
        ulong x1 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a0, a2, ref c0, ref c1, ref c2);
        ulong x2 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a0, a3, ref c0, ref c1, ref c2);
        MulAcc(a1, a2, ref c0, ref c1, ref c2);
        ulong x3 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a1, a3, ref c0, ref c1, ref c2);
        ulong x4 = c0; c0 = c1; c1 = c2; c2 = 0;
        MulAcc(a2, a3, ref c0, ref c1, ref c2);
        ulong x5 = c0, x6 = c1;

        // Double (shift left by one bit).
        ulong x7 = x6 >> 63;
        x6 = (x6 << 1) | (x5 >> 63);
        x5 = (x5 << 1) | (x4 >> 63);
        x4 = (x4 << 1) | (x3 >> 63);
        x3 = (x3 << 1) | (x2 >> 63);
        x2 = (x2 << 1) | (x1 >> 63);
        x1 <<= 1;

        // Add the squares a_i² at words 2i, 2i+1.
        ulong carry = 0;
        ulong t0 = a0 * a0;
        ulong t1 = AddCarry(x1, MultiplyHigh(a0, a0), ref carry);
        ulong t2 = AddCarry(x2, a1 * a1, ref carry);
        ulong t3 = AddCarry(x3, MultiplyHigh(a1, a1), ref carry);
        ulong t4 = AddCarry(x4, a2 * a2, ref carry);
        ulong t5 = AddCarry(x5, MultiplyHigh(a2, a2), ref carry);
        ulong t6 = AddCarry(x6, a3 * a3, ref carry);
        ulong t7 = AddCarry(x7, MultiplyHigh(a3, a3), ref carry);

        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    /// <summary>Reduces a 512-bit value modulo p using 2^256 ≡ C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7)
    {
        // r = low + high·C (high·C < 2^290).
        ulong hi, lo, carry, c;
        hi = MultiplyHigh(t4, C); lo = t4 * C;
        ulong r0 = t0 + lo; c = r0 < lo ? 1UL : 0UL; carry = hi + c;
        hi = MultiplyHigh(t5, C); lo = t5 * C;
        lo += carry; hi += lo < carry ? 1UL : 0UL;
        ulong r1 = t1 + lo; hi += r1 < lo ? 1UL : 0UL; carry = hi;
        hi = MultiplyHigh(t6, C); lo = t6 * C;
        lo += carry; hi += lo < carry ? 1UL : 0UL;
        ulong r2 = t2 + lo; hi += r2 < lo ? 1UL : 0UL; carry = hi;
        hi = MultiplyHigh(t7, C); lo = t7 * C;
        lo += carry; hi += lo < carry ? 1UL : 0UL;
        ulong r3 = t3 + lo; hi += r3 < lo ? 1UL : 0UL; carry = hi;   // carry < 2^34

        // Fold the carry once more: r += carry·C (< 2^67).
        hi = MultiplyHigh(carry, C); lo = carry * C;
        ulong k = 0;
        r0 = AddCarry(r0, lo, ref k);
        r1 = AddCarry(r1, hi, ref k);
        r2 = AddCarry(r2, 0, ref k);
        r3 = AddCarry(r3, 0, ref k);
        if (k != 0 || IsAtLeastP(r0, r1, r2, r3))
            return ReduceOnce(r0, r1, r2, r3);   // an overflow here leaves a tiny value, so once is enough
        return new FieldElement(r0, r1, r2, r3);
    }

    /// <summary>a^(2^n) by repeated squaring.</summary>
    private static FieldElement SquareTimes(FieldElement a, int n)
    {
        for (int i = 0; i < n; i++)
            a = a.Square();
        return a;
    }

    /// <summary>Shared prefix of the inversion and square-root addition chains: returns a^(2^223 − 1) and helpers.</summary>
    private void ChainPrefix(out FieldElement x2, out FieldElement x22, out FieldElement x223)
    {
        var a = this;
        x2 = a.Square() * a;
        var x3 = x2.Square() * a;
        var x6 = SquareTimes(x3, 3) * x3;
        var x9 = SquareTimes(x6, 3) * x3;
        var x11 = SquareTimes(x9, 2) * x2;
        x22 = SquareTimes(x11, 11) * x11;
        var x44 = SquareTimes(x22, 22) * x22;
        var x88 = SquareTimes(x44, 44) * x44;
        var x176 = SquareTimes(x88, 88) * x88;
        var x220 = SquareTimes(x176, 44) * x44;
        x223 = SquareTimes(x220, 3) * x3;
    }

    /// <summary>The multiplicative inverse (binary extended Euclid, variable time); zero maps to zero.</summary>
    public FieldElement Invert()
    {
        if (IsZero)
            return this;
        Span<ulong> value = [N0, N1, N2, N3];
        BinaryInverse.Invert(value, [P0, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue]);
        return new FieldElement(value[0], value[1], value[2], value[3]);
    }

    /// <summary>The multiplicative inverse as a^(p−2) by an addition chain (zero maps to zero).</summary>
    public FieldElement InvertByExponent()
    {
        ChainPrefix(out var x2, out var x22, out var x223);
        var t = SquareTimes(x223, 23) * x22;
        t = SquareTimes(t, 5) * this;
        t = SquareTimes(t, 3) * x2;
        return SquareTimes(t, 2) * this;
    }

    /// <summary>A square root a^((p+1)/4); false when a is not a square (the candidate is still returned).</summary>
    public bool TrySqrt(out FieldElement root)
    {
        ChainPrefix(out var x2, out var x22, out var x223);
        var t = SquareTimes(x223, 23) * x22;
        t = SquareTimes(t, 6) * x2;
        root = SquareTimes(t, 2);
        return root.Square() == this;
    }
}
