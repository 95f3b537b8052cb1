namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>A point of secp256k1 in affine coordinates (or infinity).</summary>
internal readonly struct AffinePoint
{
    public readonly FieldElement X, Y;
    public readonly bool IsInfinity;

    public AffinePoint(FieldElement x, FieldElement y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private AffinePoint(bool infinity)
    {
        X = default;
        Y = default;
        IsInfinity = infinity;
    }

    public static AffinePoint Infinity => new(true);

    /// <summary>The generator G.</summary>
    public static AffinePoint G { get; } = new(
        new FieldElement(0x59F2815B16F81798, 0x029BFCDB2DCE28D9, 0x55A06295CE870B07, 0x79BE667EF9DCBBAC),
        new FieldElement(0x9C47D08FFB10D4B8, 0xFD17B448A6855419, 0x5DA4FBFC0E1108A8, 0x483ADA7726A3C465));

    public AffinePoint Negate() => IsInfinity ? this : new AffinePoint(X, -Y);

    /// <summary>y² = x³ + 7.</summary>
    public bool IsOnCurve => !IsInfinity && Y.Square() == X.Square() * X + FieldElement.Seven;

    /// <summary>The point with this x and a y of the requested parity; false when x is not on the curve.</summary>
    public static bool TryLiftX(in FieldElement x, bool odd, out AffinePoint point)
    {
        var ySquared = x.Square() * x + FieldElement.Seven;
        if (!ySquared.TrySqrt(out var y))
        {
            point = Infinity;
            return false;
        }
        if (y.IsOdd != odd)
            y = -y;
        point = new AffinePoint(x, y);
        return true;
    }

    public JacobianPoint ToJacobian() => IsInfinity ? JacobianPoint.Infinity : new JacobianPoint(X, Y, FieldElement.One);
}
