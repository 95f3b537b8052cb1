namespace Drivechain.Bitcoin.Crypto.Secp256k1;

internal readonly partial struct Scalar
{
    public static Scalar operator *(in Scalar a, in Scalar b)
    {
        Span<ulong> product = stackalloc ulong[8];
        MultiplyWide(a, b, product);
        return Reduce512(product);
    }

    /// <summary>The full 512-bit product of two scalars.</summary>
    private static void MultiplyWide(in Scalar a, in Scalar b, Span<ulong> product)
    {
        product.Clear();
        ReadOnlySpan<ulong> x = [a.N0, a.N1, a.N2, a.N3];
        ReadOnlySpan<ulong> y = [b.N0, b.N1, b.N2, b.N3];
        for (int i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                ulong hi = Math.BigMul(x[i], y[j], out ulong lo);
                lo += carry;
                hi += lo < carry ? 1UL : 0UL;
                product[i + j] += lo;
                hi += product[i + j] < lo ? 1UL : 0UL;
                carry = hi;
            }
            product[i + 4] = carry;
        }
    }

    /// <summary>round(a·b / 2^384), as an integer (used with the GLV constants, where it is below 2^128).</summary>
    private static Scalar MultiplyShift384(in Scalar a, in Scalar b)
    {
        Span<ulong> product = stackalloc ulong[8];
        MultiplyWide(a, b, product);
        ulong round = product[5] >> 63;
        ulong lo = product[6] + round;
        ulong hi = product[7] + (lo < round ? 1UL : 0UL);
        return new Scalar(lo, hi, 0, 0);
    }

    /// <summary>λ, a cube root of unity modulo n: λ·(x, y) = (β·x, y).</summary>
    public static Scalar Lambda => new(0xDF02967C1B23BD72, 0x122E22EA20816678, 0xA5261C028812645A, 0x5363AD4CC05C30E0);

    /// <summary>
    /// GLV decomposition: k = r1 + r2·λ (mod n) with r1 and r2 each within ±2^128 (as scalars, either below
    /// 2^128 or above n − 2^128).
    /// </summary>
    public static void SplitLambda(in Scalar k, out Scalar r1, out Scalar r2)
    {
        var minusB1 = new Scalar(0x6F547FA90ABFE4C3, 0xE4437ED6010E8828, 0, 0);
        var minusB2 = new Scalar(0xD765CDA83DB1562C, 0x8A280AC50774346D, 0xFFFFFFFFFFFFFFFE, 0xFFFFFFFFFFFFFFFF);
        var g1 = new Scalar(0xE893209A45DBB031, 0x3DAA8A1471E8CA7F, 0xE86C90E49284EB15, 0x3086D221A7D46BCD);
        var g2 = new Scalar(0x1571B4AE8AC47F71, 0x221208AC9DF506C6, 0x6F547FA90ABFE4C4, 0xE4437ED6010E8828);
        var c1 = MultiplyShift384(k, g1);
        var c2 = MultiplyShift384(k, g2);
        r2 = c1 * minusB1 + c2 * minusB2;
        r1 = k - r2 * Lambda;
    }

    /// <summary>Reduces a 512-bit value modulo n by folding the high half with 2^256 ≡ 2^256 − n, three times.</summary>
    private static Scalar Reduce512(ReadOnlySpan<ulong> t)
    {
        // Stage 1: t[0..3] + t[4..7]·c < 2^386 (7 limbs).
        Span<ulong> m = stackalloc ulong[8];
        t[..4].CopyTo(m);
        MulAddComplement(t[4..8], m);
        // Stage 2: m[0..3] + m[4..6]·c < 2^260 (5 limbs).
        Span<ulong> p = stackalloc ulong[8];
        m[..4].CopyTo(p);
        MulAddComplement(m[4..7], p);
        // Stage 3: p[0..3] + p[4]·c < 2^256 + 2^133.
        Span<ulong> r = stackalloc ulong[8];
        p[..4].CopyTo(r);
        MulAddComplement(p[4..5], r);
        // Now r < 2n: subtract n while r ≥ n.
        while (r[4] != 0 || Compare(r[0], r[1], r[2], r[3], Order0, Order1, Order2, Order3) >= 0)
        {
            ulong borrow = 0;
            r[0] = FieldElement.SubBorrow(r[0], Order0, ref borrow);
            r[1] = FieldElement.SubBorrow(r[1], Order1, ref borrow);
            r[2] = FieldElement.SubBorrow(r[2], Order2, ref borrow);
            r[3] = FieldElement.SubBorrow(r[3], Order3, ref borrow);
            r[4] -= borrow;
        }
        return new Scalar(r[0], r[1], r[2], r[3]);
    }

    /// <summary>accumulator += x · (2^256 − n).</summary>
    private static void MulAddComplement(ReadOnlySpan<ulong> x, Span<ulong> accumulator)
    {
        ReadOnlySpan<ulong> c = [Complement0, Complement1, Complement2];
        for (int i = 0; i < x.Length; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 3; j++)
            {
                ulong hi = Math.BigMul(x[i], c[j], out ulong lo);
                lo += carry;
                hi += lo < carry ? 1UL : 0UL;
                accumulator[i + j] += lo;
                hi += accumulator[i + j] < lo ? 1UL : 0UL;
                carry = hi;
            }
            for (int k = i + 3; carry != 0; k++)
            {
                accumulator[k] += carry;
                carry = accumulator[k] < carry ? 1UL : 0UL;
            }
        }
    }

    /// <summary>The multiplicative inverse modulo n (binary extended Euclid, variable time); zero maps to zero.</summary>
    public Scalar Invert()
    {
        if (IsZero)
            return this;
        Span<ulong> value = [N0, N1, N2, N3];
        BinaryInverse.Invert(value, [Order0, Order1, Order2, Order3]);
        return new Scalar(value[0], value[1], value[2], value[3]);
    }
}
