namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Core's signature and public-key encoding rules: BIP66 strict DER, low-S, defined hash types, public key
/// formats, and the lax DER parser (ecdsa_signature_parse_der_lax) that legacy verification uses.
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

    // n/2 of secp256k1, big-endian.
    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
    ];

    private static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
    ];

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

    /// <summary>
    /// Core's lax DER parse to a 64-byte compact r ‖ s. False when the structure is unusable; an r or s that
    /// overflows 32 bytes or the group order yields all zeros (a signature that never verifies), as in Core.
    /// </summary>
    public static bool TryParseLaxDer(ReadOnlySpan<byte> der, Span<byte> compact64)
    {
        compact64[..64].Clear();
        int len = der.Length, pos = 0;
        if (pos == len || der[pos] != 0x30) return false;
        pos++;
        if (pos == len) return false;
        int lenByte = der[pos++];
        if ((lenByte & 0x80) != 0)
        {
            lenByte -= 0x80;
            if (lenByte > len - pos) return false;
            pos += lenByte;
        }
        if (!TryReadInteger(der, ref pos, out int rPos, out int rLen)) return false;
        pos = rPos + rLen;
        if (!TryReadInteger(der, ref pos, out int sPos, out int sLen)) return false;
        while (rLen > 0 && der[rPos] == 0) { rLen--; rPos++; }
        while (sLen > 0 && der[sPos] == 0) { sLen--; sPos++; }
        bool overflow = rLen > 32 || sLen > 32;
        if (!overflow)
        {
            der.Slice(rPos, rLen).CopyTo(compact64[(32 - rLen)..32]);
            der.Slice(sPos, sLen).CopyTo(compact64[(64 - sLen)..64]);
            overflow = compact64[..32].SequenceCompareTo(Order) >= 0 || compact64[32..64].SequenceCompareTo(Order) >= 0;
        }
        if (overflow) compact64[..64].Clear();
        return true;
    }

    private static bool TryReadInteger(ReadOnlySpan<byte> der, ref int pos, out int valuePos, out int valueLen)
    {
        valuePos = valueLen = 0;
        int len = der.Length;
        if (pos >= len || der[pos] != 0x02) return false;
        pos++;
        if (pos == len) return false;
        int lenByte = der[pos++];
        long length;
        if ((lenByte & 0x80) != 0)
        {
            lenByte -= 0x80;
            if (lenByte > len - pos) return false;
            while (lenByte > 0 && der[pos] == 0) { pos++; lenByte--; }
            if (lenByte >= 4) return false;
            length = 0;
            while (lenByte > 0) { length = (length << 8) + der[pos]; pos++; lenByte--; }
        }
        else
        {
            length = lenByte;
        }
        if (length > len - pos) return false;
        valuePos = pos;
        valueLen = (int)length;
        return true;
    }

    /// <summary>Core's CPubKey::CheckLowS on a DER signature without hashtype: unparsable counts as not low.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> derWithoutHashType)
    {
        Span<byte> compact = stackalloc byte[64];
        if (!TryParseLaxDer(derWithoutHashType, compact)) return false;
        return compact[32..].SequenceCompareTo(HalfOrder) <= 0;
    }

    /// <summary>Core's CheckSignatureEncoding for ECDSA signatures (empty signatures pass).</summary>
    public static ScriptError CheckSignatureEncoding(ReadOnlySpan<byte> sig, ScriptVerifyFlags flags)
    {
        if (sig.IsEmpty) return ScriptError.Ok;
        if ((flags & (ScriptVerifyFlags.DerSig | ScriptVerifyFlags.LowS | ScriptVerifyFlags.StrictEnc)) != 0 && !IsValidSignatureEncoding(sig))
            return ScriptError.SigDer;
        if ((flags & ScriptVerifyFlags.LowS) != 0 && !IsLowS(sig[..^1])) return ScriptError.SigHighS;
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

    /// <summary>Core's CPubKey validity by length: 33 bytes for 02/03, 65 for 04/06/07.</summary>
    public static bool HasValidPublicKeyLength(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty) return false;
        int expected = key[0] switch { 2 or 3 => 33, 4 or 6 or 7 => 65, _ => 0 };
        return expected != 0 && key.Length == expected;
    }
}
