namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>A point in Jacobian coordinates (x = X/Z², y = Y/Z³), or infinity. Formulas for a = 0.</summary>
internal readonly struct JacobianPoint
{
    public readonly FieldElement X, Y, Z;
    public readonly bool IsInfinity;

    public JacobianPoint(FieldElement x, FieldElement y, FieldElement z)
    {
        X = x;
        Y = y;
        Z = z;
        IsInfinity = false;
    }

    private JacobianPoint(bool infinity)
    {
        X = default;
        Y = default;
        Z = default;
        IsInfinity = infinity;
    }

    public static JacobianPoint Infinity => new(true);

    public JacobianPoint Negate() => IsInfinity ? this : new JacobianPoint(X, -Y, Z);

    public AffinePoint ToAffine()
    {
        if (IsInfinity)
            return AffinePoint.Infinity;
        var zInverse = Z.Invert();
        var zInverse2 = zInverse.Square();
        return new AffinePoint(X * zInverse2, Y * zInverse2 * zInverse);
    }

    /// <summary>
    /// 2·P with L = 3X²/2, S = Y², T = −X·S: X3 = L² + 2T, Y3 = −(L·(X3 + T) + S²), Z3 = Y·Z (the usual doubling
    /// with every coordinate scaled by 1/2 in the Jacobian sense; 3M + 4S and few additions).
    /// </summary>
    public JacobianPoint Double()
    {
        if (IsInfinity || Y.IsZero)
            return Infinity;
        var xx = X.Square();
        var l = (xx.Double() + xx).Half();
        var s = Y.Square();
        var t = -(X * s);
        var x3 = l.Square() + t.Double();
        var y3 = -(l * (x3 + t) + s.Square());
        var z3 = Y * Z;
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>P + Q for an affine Q (madd-2007-bl), handling doubling and infinity.</summary>
    public JacobianPoint Add(in AffinePoint q)
    {
        if (q.IsInfinity)
            return this;
        if (IsInfinity)
            return q.ToJacobian();
        var z1z1 = Z.Square();
        var u2 = q.X * z1z1;
        var s2 = q.Y * Z * z1z1;
        var h = u2 - X;
        var r = s2 - Y;
        if (h.IsZero)
            return r.IsZero ? Double() : Infinity;
        var hh = h.Square();
        var i = hh.Double().Double();
        var j = h * i;
        r = r.Double();
        var v = X * i;
        var x3 = r.Square() - j - v.Double();
        var y3 = r * (v - x3) - (Y * j).Double();
        var z3 = (Z + h).Square() - z1z1 - hh;
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>
    /// P + Q for an affine Q where neither is infinity and P ≠ ±Q (true for odd multiples of a point of
    /// prime order), also returning Z3/Z1.
    /// </summary>
    public JacobianPoint AddWithRatio(in AffinePoint q, out FieldElement zRatio)
    {
        var z1z1 = Z.Square();
        var u2 = q.X * z1z1;
        var s2 = q.Y * Z * z1z1;
        var h = u2 - X;
        if (h.IsZero)
            throw new System.Diagnostics.UnreachableException("P = ±Q while building a table of odd multiples.");
        var r = (s2 - Y).Double();
        var hh = h.Square();
        var i = hh.Double().Double();
        var j = h * i;
        var v = X * i;
        var x3 = r.Square() - j - v.Double();
        var y3 = r * (v - x3) - (Y * j).Double();
        zRatio = h.Double();
        return new JacobianPoint(x3, y3, Z * zRatio);
    }

    /// <summary>
    /// P + Q where this point is in coordinates scaled by <paramref name="scale"/> (true Z = Z·scale) and Q is a
    /// true affine point: Q is (x·scale², y·scale³) in those coordinates.
    /// </summary>
    public JacobianPoint AddScaled(in AffinePoint q, in FieldElement scale)
    {
        if (q.IsInfinity)
            return this;
        if (IsInfinity)
        {
            var scale2 = scale.Square();
            return new JacobianPoint(q.X * scale2, q.Y * scale2 * scale, FieldElement.One);
        }
        var az = Z * scale;
        var azaz = az.Square();
        var u2 = q.X * azaz;
        var s2 = q.Y * az * azaz;
        var h = u2 - X;
        var r = s2 - Y;
        if (h.IsZero)
            return r.IsZero ? Double() : Infinity;
        var hh = h.Square();
        var i = hh.Double().Double();
        var j = h * i;
        r = r.Double();
        var v = X * i;
        var x3 = r.Square() - j - v.Double();
        var y3 = r * (v - x3) - (Y * j).Double();
        var z3 = (Z * h).Double();
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>P + Q for Jacobian Q (add-2007-bl), handling doubling and infinity.</summary>
    public JacobianPoint Add(in JacobianPoint q)
    {
        if (q.IsInfinity)
            return this;
        if (IsInfinity)
            return q;
        var z1z1 = Z.Square();
        var z2z2 = q.Z.Square();
        var u1 = X * z2z2;
        var u2 = q.X * z1z1;
        var s1 = Y * q.Z * z2z2;
        var s2 = q.Y * Z * z1z1;
        var h = u2 - u1;
        var r = s2 - s1;
        if (h.IsZero)
            return r.IsZero ? Double() : Infinity;
        var i = h.Double().Square();
        var j = h * i;
        r = r.Double();
        var v = u1 * i;
        var x3 = r.Square() - j - v.Double();
        var y3 = r * (v - x3) - (s1 * j).Double();
        var z3 = Z * q.Z * h.Double();
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>True when the affine x of this point equals <paramref name="x"/> (X == x·Z², no inversion).</summary>
    public bool HasX(in FieldElement x) => !IsInfinity && x * Z.Square() == X;
}
