namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>
/// Scalar multiplication: a precomputed affine table of odd multiples of G (built once, immutable afterwards)
/// and Strauss–Shamir interleaving of width-w NAFs for a·G + b·P. Variable time.
/// </summary>
internal static class EcMult
{
    /// <summary>wNAF window for G; the table holds 2^(WindowG−2) odd multiples.</summary>
    private const int WindowG = 12;

    /// <summary>wNAF window for a variable point; its table (Jacobian) holds 2^(WindowP−2) odd multiples.</summary>
    private const int WindowP = 5;

    /// <summary>Digits in a wNAF of a 256-bit scalar (room for the final carry).</summary>
    private const int MaxDigits = 256 + WindowG + 1;

    private static readonly AffinePoint[] GTable = BuildOddMultiples(AffinePoint.G, 1 << (WindowG - 2));

    /// <summary>G, 3G, 5G, … in affine coordinates, normalised with one shared inversion.</summary>
    private static AffinePoint[] BuildOddMultiples(in AffinePoint p, int count)
    {
        var jacobian = new JacobianPoint[count];
        jacobian[0] = p.ToJacobian();
        var twice = jacobian[0].Double().ToAffine();
        for (int i = 1; i < count; i++)
            jacobian[i] = jacobian[i - 1].Add(twice);
        return BatchToAffine(jacobian);
    }

    /// <summary>Montgomery's trick: one inversion for all Z (none of the points may be infinity).</summary>
    private static AffinePoint[] BatchToAffine(JacobianPoint[] points)
    {
        var prefix = new FieldElement[points.Length];
        var acc = FieldElement.One;
        for (int i = 0; i < points.Length; i++)
        {
            prefix[i] = acc;
            acc *= points[i].Z;
        }
        var inverse = acc.Invert();
        var result = new AffinePoint[points.Length];
        for (int i = points.Length - 1; i >= 0; i--)
        {
            var zInverse = inverse * prefix[i];
            inverse *= points[i].Z;
            var zInverse2 = zInverse.Square();
            result[i] = new AffinePoint(points[i].X * zInverse2, points[i].Y * zInverse2 * zInverse);
        }
        return result;
    }

    /// <summary>
    /// Writes the width-<paramref name="window"/> NAF of <paramref name="s"/> (digits odd or zero, |d| &lt; 2^(w−1),
    /// nonzero digits at least w apart) and returns the number of digits up to the highest nonzero one.
    /// </summary>
    private static int ToWnaf(in Scalar s, int window, Span<int> wnaf)
    {
        wnaf.Clear();
        int bit = 0, carry = 0, length = 0;
        int limit = 256 + window;
        while (bit < limit)
        {
            if (s.GetBits(bit, 1) == carry)
            {
                bit++;
                continue;
            }
            int word = s.GetBits(bit, window) + carry;
            carry = (word >> (window - 1)) & 1;
            word -= carry << window;
            wnaf[bit] = word;
            length = bit + 1;
            bit += window;
        }
        return length;
    }

    /// <summary>a·G.</summary>
    public static JacobianPoint MultiplyG(in Scalar a) => MultiplyAdd(a, AffinePoint.Infinity, Scalar.Zero);

    /// <summary>a·G + b·P (Strauss–Shamir).</summary>
    public static JacobianPoint MultiplyAdd(in Scalar a, in AffinePoint p, in Scalar b)
    {
        Span<int> wnafA = stackalloc int[MaxDigits];
        Span<int> wnafB = stackalloc int[MaxDigits];
        int lengthA = a.IsZero ? 0 : ToWnaf(a, WindowG, wnafA);
        int lengthB = 0;
        Span<JacobianPoint> table = stackalloc JacobianPoint[1 << (WindowP - 2)];
        if (!b.IsZero && !p.IsInfinity)
        {
            lengthB = ToWnaf(b, WindowP, wnafB);
            table[0] = p.ToJacobian();
            var twice = table[0].Double();
            for (int i = 1; i < table.Length; i++)
                table[i] = table[i - 1].Add(twice);
        }

        var r = JacobianPoint.Infinity;
        for (int i = Math.Max(lengthA, lengthB) - 1; i >= 0; i--)
        {
            r = r.Double();
            int d = wnafB[i];
            if (d > 0)
                r = r.Add(table[(d - 1) >> 1]);
            else if (d < 0)
                r = r.Add(table[(-d - 1) >> 1].Negate());
            d = wnafA[i];
            if (d > 0)
                r = r.Add(GTable[(d - 1) >> 1]);
            else if (d < 0)
                r = r.Add(GTable[(-d - 1) >> 1].Negate());
        }
        return r;
    }
}
