namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>
/// Pure C# secp256k1: 4×64-bit field and scalar limbs, Jacobian coordinates, a precomputed wNAF table for G and
/// Strauss–Shamir double multiplication for verification. It behaves like libsecp256k1 on every input the
/// interface accepts (the same test suites run against both).
/// <para>
/// Not constant time: all arithmetic branches on its data. That is acceptable here because the node only
/// verifies public signatures and signs in tests and tools; do not use it to sign with valuable keys on a
/// machine shared with an attacker.
/// </para>
/// Thread-safe: the only state is the immutable G table, built once.
/// </summary>
public sealed partial class ManagedSecp256k1 : ISecp256k1
{
    /// <summary>The shared instance.</summary>
    public static ManagedSecp256k1 Instance { get; } = new();

    private ManagedSecp256k1()
    {
    }

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => TryParsePublicKey(publicKey, out _);

    /// <inheritdoc />
    public bool VerifyEcdsa(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> compactSignature64, ReadOnlySpan<byte> publicKey)
    {
        if (messageHash32.Length != 32 || compactSignature64.Length != 64)
            return false;
        var r = Scalar.Read(compactSignature64[..32], out var overflowR);
        var s = Scalar.Read(compactSignature64[32..], out var overflowS);
        if (overflowR || overflowS || r.IsZero || s.IsZero)
            return false;
        if (!TryParsePublicKey(publicKey, out var p))
            return false;
        // Normalising s to low-S does not change the outcome: (r, s) verifies exactly when (r, n − s) does.
        var m = Scalar.Read(messageHash32);
        var sInverse = s.Invert();
        var point = EcMult.MultiplyAdd(m * sInverse, p, r * sInverse);
        if (point.IsInfinity)
            return false;
        // x(R) mod n == r: x(R) is r or, when r + n < p, possibly r + n.
        var rField = new FieldElement(r.N0, r.N1, r.N2, r.N3);
        if (point.HasX(rField))
            return true;
        return TryAddOrder(r, out var rPlusOrder) && point.HasX(rPlusOrder);
    }

    /// <inheritdoc />
    public bool IsValidSecretKey(ReadOnlySpan<byte> secretKey32)
    {
        if (secretKey32.Length != 32)
            return false;
        var key = Scalar.Read(secretKey32, out var overflow);
        return !overflow && !key.IsZero;
    }

    /// <inheritdoc />
    public byte[] GetPublicKey(ReadOnlySpan<byte> secretKey32, bool compressed)
    {
        var point = EcMult.MultiplyG(RequireSecretKey(secretKey32)).ToAffine();
        return Serialize(point, compressed);
    }

    /// <inheritdoc />
    public byte[] SignEcdsa(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> secretKey32)
    {
        if (messageHash32.Length != 32)
            throw new ArgumentException("The message hash must be 32 bytes.", nameof(messageHash32));
        var d = RequireSecretKey(secretKey32);
        var m = Scalar.Read(messageHash32);
        Span<byte> reducedMessage = stackalloc byte[32];
        m.WriteTo(reducedMessage);
        Span<byte> key = stackalloc byte[32];
        Span<byte> v = stackalloc byte[32];
        Span<byte> nonce = stackalloc byte[32];
        var rng = new Rfc6979(secretKey32, reducedMessage, key, v);
        while (true)
        {
            rng.Generate(nonce);
            var k = Scalar.Read(nonce, out var overflow);
            if (overflow || k.IsZero)
                continue;
            var point = EcMult.MultiplyG(k).ToAffine();
            Span<byte> xBytes = stackalloc byte[32];
            point.X.WriteTo(xBytes);
            var r = Scalar.Read(xBytes);
            if (r.IsZero)
                continue;
            var s = k.Invert() * (m + r * d);
            if (s.IsZero)
                continue;
            if (s.IsHigh)
                s = -s;
            return EncodeDer(r, s);
        }
    }

    /// <summary>Strict DER: SEQUENCE { INTEGER r, INTEGER s }, minimal encodings.</summary>
    private static byte[] EncodeDer(in Scalar r, in Scalar s)
    {
        Span<byte> rBytes = stackalloc byte[33];
        Span<byte> sBytes = stackalloc byte[33];
        r.WriteTo(rBytes[1..]);
        s.WriteTo(sBytes[1..]);
        var rInt = MinimalInteger(rBytes);
        var sInt = MinimalInteger(sBytes);
        var der = new byte[6 + rInt.Length + sInt.Length];
        der[0] = 0x30;
        der[1] = (byte)(4 + rInt.Length + sInt.Length);
        der[2] = 0x02;
        der[3] = (byte)rInt.Length;
        rInt.CopyTo(der.AsSpan(4));
        der[4 + rInt.Length] = 0x02;
        der[5 + rInt.Length] = (byte)sInt.Length;
        sInt.CopyTo(der.AsSpan(6 + rInt.Length));
        return der;
    }

    /// <summary>Strips leading zeros from a 33-byte (0 ‖ value) buffer, keeping one when the next byte's top bit is set.</summary>
    private static ReadOnlySpan<byte> MinimalInteger(ReadOnlySpan<byte> padded33)
    {
        int start = 0;
        while (start < 32 && padded33[start] == 0 && padded33[start + 1] < 0x80)
            start++;
        return padded33[start..];
    }

    /// <summary>libsecp256k1's ec_pubkey_parse: 02/03 + x (33 bytes), 04/06/07 + x + y (65 bytes), on the curve.</summary>
    private static bool TryParsePublicKey(ReadOnlySpan<byte> data, out AffinePoint point)
    {
        point = AffinePoint.Infinity;
        if (data.Length == 33 && (data[0] == 0x02 || data[0] == 0x03))
            return FieldElement.TryRead(data[1..], out var x) && AffinePoint.TryLiftX(x, data[0] == 0x03, out point);
        if (data.Length == 65 && (data[0] == 0x04 || data[0] == 0x06 || data[0] == 0x07))
        {
            if (!FieldElement.TryRead(data[1..33], out var x) || !FieldElement.TryRead(data[33..], out var y))
                return false;
            if (data[0] != 0x04 && y.IsOdd != (data[0] == 0x07))
                return false;
            var candidate = new AffinePoint(x, y);
            if (!candidate.IsOnCurve)
                return false;
            point = candidate;
            return true;
        }
        return false;
    }

    private static byte[] Serialize(in AffinePoint point, bool compressed)
    {
        var output = new byte[compressed ? 33 : 65];
        point.X.WriteTo(output.AsSpan(1, 32));
        if (compressed)
        {
            output[0] = point.Y.IsOdd ? (byte)0x03 : (byte)0x02;
        }
        else
        {
            output[0] = 0x04;
            point.Y.WriteTo(output.AsSpan(33, 32));
        }
        return output;
    }

    /// <summary>r + n as a field element, when it is below p.</summary>
    private static bool TryAddOrder(in Scalar r, out FieldElement sum)
    {
        var n = Scalar.Order;
        ulong carry = 0;
        ulong s0 = FieldElement.AddCarry(r.N0, n.N0, ref carry);
        ulong s1 = FieldElement.AddCarry(r.N1, n.N1, ref carry);
        ulong s2 = FieldElement.AddCarry(r.N2, n.N2, ref carry);
        ulong s3 = FieldElement.AddCarry(r.N3, n.N3, ref carry);
        Span<byte> bytes = stackalloc byte[32];
        sum = default;
        if (carry != 0)
            return false;
        new FieldElement(s0, s1, s2, s3).WriteTo(bytes);   // not reduced yet: TryRead checks < p
        return FieldElement.TryRead(bytes, out sum);
    }

    private static Scalar RequireSecretKey(ReadOnlySpan<byte> secretKey32)
    {
        if (secretKey32.Length != 32)
            throw new ArgumentException("The secret key must be 32 bytes.", nameof(secretKey32));
        var key = Scalar.Read(secretKey32, out var overflow);
        if (overflow || key.IsZero)
            throw new ArgumentException("Invalid secret key.", nameof(secretKey32));
        return key;
    }
}
