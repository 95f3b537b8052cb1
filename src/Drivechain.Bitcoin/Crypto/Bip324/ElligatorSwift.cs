using System.Security.Cryptography;
using Drivechain.Bitcoin.Crypto.Secp256k1;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Crypto.Bip324;

/// <summary>
/// ElligatorSwift-encoded secp256k1 public keys (64 bytes u ‖ t, indistinguishable from random) and the x-only
/// ECDH of BIP324, on the managed secp256k1 arithmetic (the installed libsecp256k1 has no ellswift module).
/// Variable time: fine for ephemeral per-connection keys, as the rest of <see cref="ManagedSecp256k1"/>.
/// </summary>
public static class ElligatorSwift
{
    /// <summary>Length of an encoding.</summary>
    public const int EncodingSize = 64;

    /// <summary>Decodes a 64-byte encoding to the 32-byte X coordinate it represents (every input decodes).</summary>
    /// <exception cref="ArgumentException">Wrong lengths.</exception>
    public static void Decode(ReadOnlySpan<byte> encoding, Span<byte> x32)
    {
        if (encoding.Length != EncodingSize || x32.Length != 32)
            throw new ArgumentException("ElligatorSwift decoding needs a 64-byte encoding and a 32-byte output.");
        DecodeX(encoding).WriteTo(x32);
    }

    /// <summary>
    /// xswiftec_inv: writes a 32-byte t such that u ‖ t decodes to x, for one of the 8 cases; false when that case
    /// has no solution (or x is not on the curve).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong lengths or a case outside 0…7.</exception>
    public static bool TryInvert(ReadOnlySpan<byte> x32, ReadOnlySpan<byte> u32, int @case, Span<byte> t32)
    {
        if (x32.Length != 32 || u32.Length != 32 || t32.Length != 32 || @case is < 0 or > 7)
            throw new ArgumentException("ElligatorSwift inversion needs 32-byte x, u and t and a case 0…7.");
        if (!FieldElement.TryRead(x32, out var x) || !ElligatorSwiftMath.IsValidX(x))
            return false;
        FieldElement.TryRead(u32, out var u);
        if (!ElligatorSwiftMath.TryInvert(x, u, @case, out var t))
            return false;
        t.WriteTo(t32);
        return true;
    }

    /// <summary>
    /// Encodes the public key of <paramref name="secretKey"/> deterministically from 32 bytes of
    /// <paramref name="entropy"/> (pass fresh random bytes: the encoding is then uniformly distributed, as BIP324
    /// requires). False when the secret key is zero or not below the group order.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong lengths.</exception>
    public static bool TryCreate(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> entropy, Span<byte> encoding)
    {
        if (secretKey.Length != 32 || entropy.Length != 32 || encoding.Length != EncodingSize)
            throw new ArgumentException("ElligatorSwift encoding needs a 32-byte key, 32 bytes of entropy and a 64-byte output.");
        var k = Scalar.Read(secretKey, out var overflow);
        if (overflow || k.IsZero)
            return false;
        var x = EcMult.MultiplyG(k).ToAffine().X;
        Span<byte> seed = stackalloc byte[32 + 32 + 4];
        entropy.CopyTo(seed);
        secretKey.CopyTo(seed[32..]);
        Span<byte> hash = stackalloc byte[32];
        Span<byte> caseHash = stackalloc byte[32];
        for (uint counter = 0; ; counter++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(seed[64..], counter);
            Sha256Hasher.Hash(seed, hash);
            FieldElement.TryRead(hash, out var u);
            if (u.IsZero)
                continue;
            // The case must be uniform and independent of u (as BIP324's random loop), or the encodings
            // would be biased towards the first cases tried; it comes from a second hash of the same seed.
            Sha256Hasher.Hash(hash, caseHash);
            if (!ElligatorSwiftMath.TryInvert(x, u, caseHash[0] & 7, out var t))
                continue;
            u.WriteTo(encoding[..32]);
            t.WriteTo(encoding[32..]);
            return true;
        }
    }

    /// <summary>
    /// ellswift_ecdh_xonly: the X coordinate of secretKey · (the point whose X is decoded from
    /// <paramref name="theirEncoding"/>). False when the secret key is zero or not below the group order.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong lengths.</exception>
    public static bool TryComputeXOnlyEcdh(ReadOnlySpan<byte> theirEncoding, ReadOnlySpan<byte> secretKey, Span<byte> sharedX32)
    {
        if (theirEncoding.Length != EncodingSize || secretKey.Length != 32 || sharedX32.Length != 32)
            throw new ArgumentException("ElligatorSwift ECDH needs a 64-byte encoding, a 32-byte key and a 32-byte output.");
        var k = Scalar.Read(secretKey, out var overflow);
        if (overflow || k.IsZero)
            return false;
        // Either Y works: the X coordinate of k·P and k·(−P) is the same.
        AffinePoint.TryLiftX(DecodeX(theirEncoding), odd: false, out var point);
        var shared = EcMult.MultiplyAdd(Scalar.Zero, point, k).ToAffine();
        shared.X.WriteTo(sharedX32);
        return true;
    }

    private static FieldElement DecodeX(ReadOnlySpan<byte> encoding)
    {
        FieldElement.TryRead(encoding[..32], out var u);
        FieldElement.TryRead(encoding[32..], out var t);
        return ElligatorSwiftMath.Decode(u, t);
    }
}
