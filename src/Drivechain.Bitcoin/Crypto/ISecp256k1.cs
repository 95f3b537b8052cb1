namespace Drivechain.Bitcoin.Crypto;

/// <summary>
/// The secp256k1 operations Bitcoin needs. Two implementations exist: the system libsecp256k1 through
/// P/Invoke, and a managed one used when the library is absent. Both must behave identically
/// (the same test suites run against both). Implementations are thread-safe and hold no mutable state
/// beyond what they create at construction.
/// </summary>
public interface ISecp256k1
{
    /// <summary>A human name for logs, e.g. "libsecp256k1 (libsecp256k1.so.1)" or "managed".</summary>
    string Name { get; }

    /// <summary>
    /// True when <paramref name="publicKey"/> parses as libsecp256k1's ec_pubkey_parse accepts it:
    /// 33-byte compressed (02/03), 65-byte uncompressed (04) or hybrid (06/07), on the curve.
    /// </summary>
    bool IsValidPublicKey(ReadOnlySpan<byte> publicKey);

    /// <summary>
    /// ECDSA verification of a 64-byte compact signature (r ‖ s, big-endian). The signature is first
    /// normalized to low-S (as Core does before verifying, so high-S verifies here); r or s that are zero or
    /// ≥ the group order fail. <paramref name="publicKey"/> as in <see cref="IsValidPublicKey"/>.
    /// </summary>
    bool VerifyEcdsa(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> compactSignature64, ReadOnlySpan<byte> publicKey);

    /// <summary>BIP340 verification; the message may have any length.</summary>
    bool VerifySchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature64, ReadOnlySpan<byte> xOnlyPublicKey32);

    /// <summary>
    /// BIP341 tweak check (xonly_pubkey_tweak_add_check): true when
    /// <paramref name="outputKey32"/> with <paramref name="outputKeyParity"/> equals internal + tweak·G.
    /// </summary>
    bool CheckTapTweak(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, ReadOnlySpan<byte> outputKey32, bool outputKeyParity);

    /// <summary>True when <paramref name="secretKey32"/> is a valid secret key (0 &lt; k &lt; n).</summary>
    bool IsValidSecretKey(ReadOnlySpan<byte> secretKey32);

    /// <summary>The public key of a secret key, 33 bytes compressed or 65 uncompressed.</summary>
    byte[] GetPublicKey(ReadOnlySpan<byte> secretKey32, bool compressed);

    /// <summary>RFC6979 deterministic ECDSA signature, low-S, DER-encoded (no sighash byte).</summary>
    byte[] SignEcdsa(ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> secretKey32);

    /// <summary>BIP340 signature with the given 32-byte auxiliary randomness (all zero for reproducible tests).</summary>
    byte[] SignSchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> auxRand32);

    /// <summary>The 32-byte x-only public key of a secret key.</summary>
    byte[] GetXOnlyPublicKey(ReadOnlySpan<byte> secretKey32);

    /// <summary>
    /// BIP341 key tweak: the x-only output key of internal + tweak·G and its parity; false when the tweak is
    /// invalid (≥ n) or the result is infinity.
    /// </summary>
    bool TryTweakXOnlyPublicKey(ReadOnlySpan<byte> internalKey32, ReadOnlySpan<byte> tweak32, out byte[] outputKey32, out bool parity);

    /// <summary>BIP341 secret-key tweak for key-path signing (negating the key first when its point has odd y).</summary>
    bool TryTweakSecretKey(ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> tweak32, out byte[] tweakedSecretKey32);
}
