namespace Drivechain.Bitcoin.Crypto.Secp256k1;

internal static partial class EcMult
{
    /// <summary>
    /// Fills <paramref name="table"/> with P, 3P, 5P, … as affine coordinates sharing one scale factor Z
    /// (the true point of an entry (x, y) is (x/Z², y/Z³)), and returns Z. The curve y² = x³ + 7·Z⁶ is
    /// isomorphic to secp256k1 and its addition formulas are the same (they do not involve the constant), so
    /// the entries can be added with mixed additions to an accumulator kept in the same scaled coordinates.
    /// Built with mixed additions of 2P (itself treated as affine on such a curve), then every entry is brought
    /// to the last entry's Z by the recorded Z ratios: no inversion.
    /// </summary>
    private static FieldElement BuildScaledOddMultiples(in AffinePoint p, Span<AffinePoint> table)
    {
        var twice = p.ToJacobian().Double();
        var dz = twice.Z;
        var twiceScaled = new AffinePoint(twice.X, twice.Y);   // 2P on the curve scaled by dz
        var dz2 = dz.Square();
        Span<JacobianPoint> points = stackalloc JacobianPoint[table.Length];
        Span<FieldElement> ratios = stackalloc FieldElement[table.Length];
        points[0] = new JacobianPoint(p.X * dz2, p.Y * dz2 * dz, FieldElement.One);   // P on the same curve
        for (int i = 1; i < table.Length; i++)
            points[i] = points[i - 1].AddWithRatio(twiceScaled, out ratios[i]);

        int last = table.Length - 1;
        table[last] = new AffinePoint(points[last].X, points[last].Y);
        var zs = ratios[last];
        for (int i = last - 1; i >= 0; i--)
        {
            var zs2 = zs.Square();
            table[i] = new AffinePoint(points[i].X * zs2, points[i].Y * zs2 * zs);
            zs *= ratios[i];
        }
        return points[last].Z * dz;
    }
}
