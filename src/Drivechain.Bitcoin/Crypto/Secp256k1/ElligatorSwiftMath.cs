namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>
/// ElligatorSwift (the encoding of BIP324 and libsecp256k1's ellswift module) on the managed field: the map
/// (u, t) → x and its inverse x, u, case → t. Variable time; all inputs are public.
/// </summary>
internal static class ElligatorSwiftMath
{
    /// <summary>√−3 as a^((p+1)/4) (the same root the BIP324 reference code uses).</summary>
    private static readonly FieldElement MinusThreeSqrt = ComputeMinusThreeSqrt();

    private static FieldElement ComputeMinusThreeSqrt()
    {
        (-new FieldElement(3, 0, 0, 0)).TrySqrt(out var root);
        return root;
    }

    public static bool IsValidX(in FieldElement x) => (x.Square() * x + FieldElement.Seven).TrySqrt(out _);

    private static FieldElement Divide(in FieldElement a, in FieldElement b) => a * b.Invert();

    /// <summary>xswiftec: decodes field elements (u, t) to the X coordinate of a curve point (always succeeds).</summary>
    public static FieldElement Decode(FieldElement u, FieldElement t)
    {
        if (u.IsZero)
            u = FieldElement.One;
        if (t.IsZero)
            t = FieldElement.One;
        var u3Plus7 = u.Square() * u + FieldElement.Seven;
        if ((u3Plus7 + t.Square()).IsZero)
            t = t.Double();
        var bigX = Divide(u3Plus7 - t.Square(), t.Double());
        var bigY = Divide(bigX + t, MinusThreeSqrt * u);
        var x = u + bigY.Square().Double().Double();
        if (IsValidX(x))
            return x;
        var xOverY = Divide(bigX, bigY);
        x = (-xOverY - u).Half();
        if (IsValidX(x))
            return x;
        return (xOverY - u).Half();
    }

    /// <summary>xswiftec_inv: a t with Decode(u, t) = x for the given case (0…7), or false when that case has none.</summary>
    public static bool TryInvert(in FieldElement x, in FieldElement u, int @case, out FieldElement t)
    {
        t = default;
        var u2 = u.Square();
        var u3Plus7 = u2 * u + FieldElement.Seven;
        FieldElement s, v;
        if ((@case & 2) == 0)
        {
            if (IsValidX(-x - u))
                return false;
            v = x;
            s = -Divide(u3Plus7, u2 + u * v + v.Square());
        }
        else
        {
            s = x - u;
            if (s.IsZero)
                return false;
            var rSquared = -s * (u3Plus7.Double().Double() + new FieldElement(3, 0, 0, 0) * s * u2);
            if (!rSquared.TrySqrt(out var r))
                return false;
            if ((@case & 1) != 0 && r.IsZero)
                return false;
            v = (Divide(r, s) - u).Half();
        }
        if (!s.TrySqrt(out var w))
            return false;
        var oneMinus = (FieldElement.One - MinusThreeSqrt).Half();
        var onePlus = (FieldElement.One + MinusThreeSqrt).Half();
        t = (@case & 5) switch
        {
            0 => -w * (u * oneMinus + v),
            1 => w * (u * onePlus + v),
            4 => w * (u * oneMinus + v),
            _ => -w * (u * onePlus + v),
        };
        return true;
    }
}
