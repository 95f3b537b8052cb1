namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Core's signature and public-key encoding rules: BIP66 strict DER, low-S, defined hash types, public key
/// formats (the lax DER parser is <see cref="Crypto.EcdsaSignatures"/>).
/// </summary>
public static class SignatureEncoding
{
    /// <summary>SIGHASH_ALL.</summary>
    public const int SigHashAll = 1;
    /// <summary>SIGHASH_NONE.</summary>
    public const int SigHashNone = 2;
    /// <summary>SIGHASH_SINGLE.</summary>
    public const int SigHashSingle = 3;
    /// <summary>SIGHASH_ANYONECANPAY.</summary>
    public const int SigHashAnyoneCanPay = 0x80;
    /// <summary>Taproot SIGHASH_DEFAULT.</summary>
    public const int SigHashDefault = 0;

    /// <summary>
    /// BIP66 strict DER of a signature including its trailing hashtype byte:
    /// 0x30 len 0x02 rlen R 0x02 slen S hashtype, with minimal positive integers.
    /// </summary>
    public static bool IsValidSignatureEncoding(ReadOnlySpan<byte> sig)
    {
        if (sig.Length < 9 || sig.Length > 73) return false;
        if (sig[0] != 0x30) return false;
        if (sig[1] != sig.Length - 3) return false;
        int lenR = sig[3];
        if (5 + lenR >= sig.Length) return false;
        int lenS = sig[5 + lenR];
        if (lenR + lenS + 7 != sig.Length) return false;
        if (sig[2] != 0x02) return false;
        if (lenR == 0) return false;
        if ((sig[4] & 0x80) != 0) return false;
        if (lenR > 1 && sig[4] == 0x00 && (sig[5] & 0x80) == 0) return false;
        if (sig[lenR + 4] != 0x02) return false;
        if (lenS == 0) return false;
        if ((sig[lenR + 6] & 0x80) != 0) return false;
        if (lenS > 1 && sig[lenR + 6] == 0x00 && (sig[lenR + 7] & 0x80) == 0) return false;
        return true;
    }

    /// <summary>True when the hashtype byte (ignoring ANYONECANPAY) is ALL, NONE or SINGLE.</summary>
    public static bool IsDefinedHashType(ReadOnlySpan<byte> sig)
    {
        if (sig.IsEmpty) return false;
        int hashType = sig[^1] & ~SigHashAnyoneCanPay;
        return hashType >= SigHashAll && hashType <= SigHashSingle;
    }

    /// <summary>Core's CheckSignatureEncoding for ECDSA signatures (empty signatures pass).</summary>
    public static ScriptError CheckSignatureEncoding(ReadOnlySpan<byte> sig, ScriptVerifyFlags flags)
    {
        if (sig.IsEmpty) return ScriptError.Ok;
        if ((flags & (ScriptVerifyFlags.DerSig | ScriptVerifyFlags.LowS | ScriptVerifyFlags.StrictEnc)) != 0 && !IsValidSignatureEncoding(sig))
            return ScriptError.SigDer;
        if ((flags & ScriptVerifyFlags.LowS) != 0 && !Crypto.EcdsaSignatures.IsLowDerSignature(sig[..^1])) return ScriptError.SigHighS;
        if ((flags & ScriptVerifyFlags.StrictEnc) != 0 && !IsDefinedHashType(sig)) return ScriptError.SigHashType;
        return ScriptError.Ok;
    }

    /// <summary>33-byte 02/03 or 65-byte 04 keys.</summary>
    public static bool IsCompressedOrUncompressedPublicKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < 33) return false;
        if (key[0] == 0x04) return key.Length == 65;
        if (key[0] == 0x02 || key[0] == 0x03) return key.Length == 33;
        return false;
    }

    /// <summary>33-byte 02/03 keys.</summary>
    public static bool IsCompressedPublicKey(ReadOnlySpan<byte> key) => key.Length == 33 && (key[0] == 0x02 || key[0] == 0x03);

    /// <summary>Core's CheckPubKeyEncoding (STRICTENC, WITNESS_PUBKEYTYPE).</summary>
    public static ScriptError CheckPublicKeyEncoding(ReadOnlySpan<byte> key, ScriptVerifyFlags flags, SigVersion sigVersion)
    {
        if ((flags & ScriptVerifyFlags.StrictEnc) != 0 && !IsCompressedOrUncompressedPublicKey(key)) return ScriptError.PubKeyType;
        if ((flags & ScriptVerifyFlags.WitnessPubKeyType) != 0 && sigVersion == SigVersion.WitnessV0 && !IsCompressedPublicKey(key))
            return ScriptError.WitnessPubKeyType;
        return ScriptError.Ok;
    }
}
