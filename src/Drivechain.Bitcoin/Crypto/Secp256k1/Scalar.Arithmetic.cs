namespace Drivechain.Bitcoin.Crypto.Secp256k1;

internal readonly partial struct Scalar
{
    public static Scalar operator *(in Scalar a, in Scalar b)
    {
        Span<ulong> product = stackalloc ulong[8];
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
        return Reduce512(product);
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
        Span<ulong> u = [N0, N1, N2, N3];
        Span<ulong> v = [Order0, Order1, Order2, Order3];
        Span<ulong> x1 = [1, 0, 0, 0];
        Span<ulong> x2 = [0, 0, 0, 0];
        while (!IsOne(u) && !IsOne(v))
        {
            while ((u[0] & 1) == 0)
            {
                ShiftRight(u, 0);
                HalveModOrder(x1);
            }
            while ((v[0] & 1) == 0)
            {
                ShiftRight(v, 0);
                HalveModOrder(x2);
            }
            if (Compare(u[0], u[1], u[2], u[3], v[0], v[1], v[2], v[3]) >= 0)
            {
                Subtract(u, v);
                SubtractModOrder(x1, x2);
            }
            else
            {
                Subtract(v, u);
                SubtractModOrder(x2, x1);
            }
        }
        var x = IsOne(u) ? x1 : x2;
        return new Scalar(x[0], x[1], x[2], x[3]);
    }

    private static bool IsOne(ReadOnlySpan<ulong> a) => a[0] == 1 && (a[1] | a[2] | a[3]) == 0;

    private static void ShiftRight(Span<ulong> a, ulong topBit)
    {
        a[0] = (a[0] >> 1) | (a[1] << 63);
        a[1] = (a[1] >> 1) | (a[2] << 63);
        a[2] = (a[2] >> 1) | (a[3] << 63);
        a[3] = (a[3] >> 1) | (topBit << 63);
    }

    private static ulong Add(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        ulong carry = 0;
        for (int i = 0; i < 4; i++)
            a[i] = FieldElement.AddCarry(a[i], b[i], ref carry);
        return carry;
    }

    private static ulong Subtract(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        ulong borrow = 0;
        for (int i = 0; i < 4; i++)
            a[i] = FieldElement.SubBorrow(a[i], b[i], ref borrow);
        return borrow;
    }

    /// <summary>a ← a/2 mod n, for a &lt; n.</summary>
    private static void HalveModOrder(Span<ulong> a)
    {
        ulong carry = 0;
        if ((a[0] & 1) != 0)
            carry = Add(a, [Order0, Order1, Order2, Order3]);
        ShiftRight(a, carry);
    }

    /// <summary>a ← a − b mod n, for a, b &lt; n.</summary>
    private static void SubtractModOrder(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (Subtract(a, b) != 0)
            Add(a, [Order0, Order1, Order2, Order3]);
    }
}
