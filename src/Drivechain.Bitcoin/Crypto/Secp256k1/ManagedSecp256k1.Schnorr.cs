namespace Drivechain.Bitcoin.Crypto.Secp256k1;

public sealed partial class ManagedSecp256k1
{
    /// <inheritdoc />
    public bool VerifySchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature64, ReadOnlySpan<byte> xOnlyPublicKey32)
    {
        if (signature64.Length != 64 || !TryLiftXOnly(xOnlyPublicKey32, out var p))
            return false;
        if (!FieldElement.TryRead(signature64[..32], out var r))
            return false;
        var s = Scalar.Read(signature64[32..], out var overflow);
        if (overflow)
            return false;
        Span<byte> hash = stackalloc byte[32];
        Bip340Hashes.HashChallenge(signature64[..32], xOnlyPublicKey32, message, hash);
        var e = Scalar.Read(hash);
        // R = s·G − e·P; valid when R is finite, has even y and x(R) = r.
        var point = EcMult.MultiplyAdd(s, p, -e);
        if (!point.HasX(r))
            return false;
        return !point.ToAffine().Y.IsOdd;
    }

    /// <inheritdoc />
    public byte[] SignSchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> auxRand32)
    {
        if (auxRand32.Length != 32)
            throw new ArgumentException("The auxiliary randomness must be 32 bytes.", nameof(auxRand32));
        var secret = RequireSecretKey(secretKey32);
        var p = EcMult.MultiplyG(secret).ToAffine();
        var d = p.Y.IsOdd ? -secret : secret;
        Span<byte> pBytes = stackalloc byte[32];
        p.X.WriteTo(pBytes);

        Span<byte> t = stackalloc byte[32];
        Bip340Hashes.HashAux(auxRand32, t);
        Span<byte> dBytes = stackalloc byte[32];
        d.WriteTo(dBytes);
        for (int i = 0; i < 32; i++)
            t[i] ^= dBytes[i];
        Span<byte> rand = stackalloc byte[32];
        Bip340Hashes.HashNonce(t, pBytes, message, rand);
        var kPrime = Scalar.Read(rand);
        if (kPrime.IsZero)
            throw new InvalidOperationException("BIP340 nonce is zero (probability 2^-256).");
        var r = EcMult.MultiplyG(kPrime).ToAffine();
        var k = r.Y.IsOdd ? -kPrime : kPrime;

        var signature = new byte[64];
        r.X.WriteTo(signature.AsSpan(0, 32));
        Span<byte> hash = stackalloc byte[32];
        Bip340Hashes.HashChallenge(signature.AsSpan(0, 32), pBytes, message, hash);
        var e = Scalar.Read(hash);
        (k + e * d).WriteTo(signature.AsSpan(32));
        return signature;
    }

    /// <inheritdoc />
    public byte[] GetXOnlyPublicKey(ReadOnlySpan<byte> secretKey32)
    {
        var point = EcMult.MultiplyG(RequireSecretKey(secretKey32)).ToAffine();
        var output = new byte[32];
        point.X.WriteTo(output);
        return output;
    }

    /// <inheritdoc />
    public bool CheckTapTweak(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, ReadOnlySpan<byte> outputKey32, bool outputKeyParity)
    {
        if (outputKey32.Length != 32 || !TryTweak(internalKey32, tweak32, out var q))
            return false;
        Span<byte> x = stackalloc byte[32];
        q.X.WriteTo(x);
        return x.SequenceEqual(outputKey32) && q.Y.IsOdd == outputKeyParity;
    }

    /// <inheritdoc />
    public bool TryTweakXOnlyPublicKey(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, out byte[] outputKey32, out bool parity)
    {
        outputKey32 = [];
        parity = false;
        if (!TryTweak(internalKey32, tweak32, out var q))
            return false;
        outputKey32 = new byte[32];
        q.X.WriteTo(outputKey32);
        parity = q.Y.IsOdd;
        return true;
    }

    /// <inheritdoc />
    public bool TryTweakSecretKey(ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> tweak32, out byte[] tweakedSecretKey32)
    {
        tweakedSecretKey32 = [];
        if (secretKey32.Length != 32 || tweak32.Length != 32)
            return false;
        var secret = Scalar.Read(secretKey32, out var overflow);
        var tweak = Scalar.Read(tweak32, out var tweakOverflow);
        if (overflow || secret.IsZero || tweakOverflow)
            return false;
        var p = EcMult.MultiplyG(secret).ToAffine();
        var tweaked = (p.Y.IsOdd ? -secret : secret) + tweak;
        if (tweaked.IsZero)
            return false;
        tweakedSecretKey32 = tweaked.ToBytes();
        return true;
    }

    /// <summary>Q = lift_x(internal) + t·G; false for an invalid key, t ≥ n or Q = infinity.</summary>
    private static bool TryTweak(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, out AffinePoint q)
    {
        q = AffinePoint.Infinity;
        if (tweak32.Length != 32 || !TryLiftXOnly(internalKey32, out var p))
            return false;
        var tweak = Scalar.Read(tweak32, out var overflow);
        if (overflow)
            return false;
        q = EcMult.MultiplyAdd(tweak, p, Scalar.One).ToAffine();
        return !q.IsInfinity;
    }

    /// <summary>BIP340 lift_x: the point with x = key and even y; false when x ≥ p or not on the curve.</summary>
    private static bool TryLiftXOnly(ReadOnlySpan<byte> key32, out AffinePoint point)
    {
        point = AffinePoint.Infinity;
        return key32.Length == 32 && FieldElement.TryRead(key32, out var x) && AffinePoint.TryLiftX(x, odd: false, out point);
    }
}
