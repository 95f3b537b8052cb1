namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>
/// Scalar multiplication: a precomputed affine table of odd multiples of G (built once, immutable afterwards)
/// and Strauss–Shamir interleaving of width-w NAFs for a·G + b·P. Variable time.
/// </summary>
internal static partial class EcMult
{
    /// <summary>wNAF window for G; the table holds 2^(WindowG−2) odd multiples.</summary>
    private const int WindowG = 12;

    /// <summary>wNAF window for a variable point; its table (Jacobian) holds 2^(WindowP−2) odd multiples.</summary>
    private const int WindowP = 5;

    /// <summary>Digits in a wNAF of a 256-bit scalar (room for the final carry).</summary>
    private const int MaxDigits = 256 + WindowG + 1;

    private static readonly AffinePoint[] GTable = BuildOddMultiples(AffinePoint.G, 1 << (WindowG - 2));

    /// <summary>λ·G, 3λ·G, … = (β·x, y) of the <see cref="GTable"/> entries.</summary>
    private static readonly AffinePoint[] LambdaGTable = Array.ConvertAll(GTable, q => new AffinePoint(q.X * FieldElement.Beta, q.Y));

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
        int limit = s.BitLength + window;
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

    /// <summary>
    /// a·G + b·P: both scalars are split with the GLV endomorphism (k = k1 + k2·λ, halves of about 128 bits),
    /// and the four wNAFs are interleaved (Strauss–Shamir) over about 130 doublings. λ·Q is (β·x, y), so the λ
    /// tables cost one field multiplication per entry.
    /// </summary>
    public static JacobianPoint MultiplyAdd(in Scalar a, in AffinePoint p, in Scalar b)
    {
        Span<int> wnafA1 = stackalloc int[MaxDigits];
        Span<int> wnafA2 = stackalloc int[MaxDigits];
        Span<int> wnafB1 = stackalloc int[MaxDigits];
        Span<int> wnafB2 = stackalloc int[MaxDigits];
        int lengthA1 = 0, lengthA2 = 0, lengthB1 = 0, lengthB2 = 0;
        bool negA1 = false, negA2 = false, negB1 = false, negB2 = false;
        if (!a.IsZero)
        {
            Scalar.SplitLambda(a, out var a1, out var a2);
            lengthA1 = ToSignedWnaf(a1, WindowG, wnafA1, out negA1);
            lengthA2 = ToSignedWnaf(a2, WindowG, wnafA2, out negA2);
        }

        // P's tables are "effective affine": affine coordinates on an isomorphic curve, all sharing the scale
        // zScale, so the loop adds them with mixed additions and multiplies zScale back into Z at the end.
        Span<AffinePoint> table = stackalloc AffinePoint[1 << (WindowP - 2)];
        Span<AffinePoint> lambdaTable = stackalloc AffinePoint[1 << (WindowP - 2)];
        bool scaled = false;
        var zScale = FieldElement.One;
        if (!b.IsZero && !p.IsInfinity)
        {
            Scalar.SplitLambda(b, out var b1, out var b2);
            lengthB1 = ToSignedWnaf(b1, WindowP, wnafB1, out negB1);
            lengthB2 = ToSignedWnaf(b2, WindowP, wnafB2, out negB2);
            zScale = BuildScaledOddMultiples(p, table);
            var beta = FieldElement.Beta;
            for (int i = 0; i < table.Length; i++)
                lambdaTable[i] = new AffinePoint(table[i].X * beta, table[i].Y);
            scaled = true;
        }

        var r = JacobianPoint.Infinity;
        int length = Math.Max(Math.Max(lengthA1, lengthA2), Math.Max(lengthB1, lengthB2));
        for (int i = length - 1; i >= 0; i--)
        {
            r = r.Double();
            int d = wnafB1[i];
            if (d != 0)
                r = r.Add(Lookup(table, d, negB1));
            d = wnafB2[i];
            if (d != 0)
                r = r.Add(Lookup(lambdaTable, d, negB2));
            d = wnafA1[i];
            if (d != 0)
                r = scaled ? r.AddScaled(Lookup(GTable, d, negA1), zScale) : r.Add(Lookup(GTable, d, negA1));
            d = wnafA2[i];
            if (d != 0)
                r = scaled ? r.AddScaled(Lookup(LambdaGTable, d, negA2), zScale) : r.Add(Lookup(LambdaGTable, d, negA2));
        }
        return r.IsInfinity || !scaled ? r : new JacobianPoint(r.X, r.Y, r.Z * zScale);
    }

    /// <summary>The entry for an odd digit d (±), negated again when the scalar was negated for its wNAF.</summary>
    private static AffinePoint Lookup(ReadOnlySpan<AffinePoint> table, int digit, bool negated)
    {
        var entry = table[(Math.Abs(digit) - 1) >> 1];
        return (digit < 0) != negated ? entry.Negate() : entry;
    }

    /// <summary>wNAF of min(k, n − k) (about 128 bits after the GLV split); <paramref name="negated"/> when n − k was used.</summary>
    private static int ToSignedWnaf(Scalar k, int window, Span<int> wnaf, out bool negated)
    {
        negated = k.IsHigh;
        if (negated)
            k = -k;
        return ToWnaf(k, window, wnaf);
    }
}
