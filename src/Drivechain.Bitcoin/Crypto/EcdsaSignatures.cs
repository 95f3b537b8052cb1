namespace Drivechain.Bitcoin.Crypto;

/// <summary>
/// ECDSA signature encodings as Bitcoin Core handles them outside libsecp256k1: Core's lax DER parser
/// (<c>ecdsa_signature_parse_der_lax</c> in Core's pubkey.cpp), the low-S test, and <c>CPubKey::Verify</c>.
/// </summary>
public static class EcdsaSignatures
{
    /// <summary>secp256k1's group order n, big-endian.</summary>
    private static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
    ];

    /// <summary>n / 2 (rounded down), big-endian: the largest low S.</summary>
    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
    ];

    /// <summary>
    /// Core's lax DER parser. Accepts what OpenSSL once accepted: any sequence length (short or long form,
    /// not checked against the data), long-form integer lengths with leading zero bytes, leading zero bytes in
    /// R and S, and trailing garbage after S. Fails only when the structure cannot be walked (missing tags,
    /// lengths past the end, an integer length needing 4 or more bytes). An R or S larger than 32 bytes after
    /// stripping zeros, or not below the group order, yields the all-zero signature (which then fails to verify).
    /// </summary>
    /// <param name="der">The signature bytes (without the sighash byte).</param>
    /// <param name="compact64">Receives r ‖ s, 32 bytes each, big-endian.</param>
    public static bool TryParseDerLax(ReadOnlySpan<byte> der, Span<byte> compact64)
    {
        if (compact64.Length != 64)
            throw new ArgumentException("The compact signature buffer must be 64 bytes.", nameof(compact64));
        compact64.Clear();
        int pos = 0, length = der.Length;

        // Sequence tag and length (the length is skipped, never checked).
        if (pos == length || der[pos] != 0x30)
            return false;
        pos++;
        if (pos == length)
            return false;
        int lenByte = der[pos++];
        if ((lenByte & 0x80) != 0)
        {
            lenByte -= 0x80;
            if (lenByte > length - pos)
                return false;
            pos += lenByte;
        }

        if (!TryReadInteger(der, ref pos, out var rPos, out var rLen) || !TryReadInteger(der, ref pos, out var sPos, out var sLen))
            return false;

        var overflow = !TryCopyInteger(der.Slice(rPos, rLen), compact64[..32]) || !TryCopyInteger(der.Slice(sPos, sLen), compact64[32..]);
        if (!overflow)
            overflow = !IsBelowOrder(compact64[..32]) || !IsBelowOrder(compact64[32..]);
        if (overflow)
            compact64.Clear();
        return true;
    }

    /// <summary>
    /// Core's <c>CPubKey::CheckLowS</c> on a compact signature: true when s ≤ n/2 (libsecp256k1's normalize
    /// would leave it unchanged).
    /// </summary>
    public static bool IsLowS(ReadOnlySpan<byte> compact64)
    {
        if (compact64.Length != 64)
            throw new ArgumentException("A compact signature is 64 bytes.", nameof(compact64));
        return compact64[32..].SequenceCompareTo(HalfOrder) <= 0;
    }

    /// <summary>Core's <c>CPubKey::CheckLowS</c> on a DER signature: lax-parses, then tests low S; false when unparsable.</summary>
    public static bool IsLowDerSignature(ReadOnlySpan<byte> der)
    {
        Span<byte> compact = stackalloc byte[64];
        return TryParseDerLax(der, compact) && IsLowS(compact);
    }

    /// <summary>
    /// The serialized length Core's <c>CPubKey</c> expects from the header byte: 33 for 02/03, 65 for
    /// 04/06/07, otherwise 0.
    /// </summary>
    public static int PublicKeyLength(byte header) => header switch
    {
        2 or 3 => 33,
        4 or 6 or 7 => 65,
        _ => 0,
    };

    /// <summary>
    /// Core's <c>CPubKey::Verify</c>: the key's length must match its header byte, the signature is lax-DER
    /// parsed, normalized to low S and verified against the 32-byte hash.
    /// </summary>
    public static bool Verify(ISecp256k1 secp, ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> derSignature, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(secp);
        if (publicKey.IsEmpty || PublicKeyLength(publicKey[0]) != publicKey.Length)
            return false;
        Span<byte> compact = stackalloc byte[64];
        return TryParseDerLax(derSignature, compact) && secp.VerifyEcdsa(messageHash32, compact, publicKey);
    }

    /// <summary>Reads an INTEGER tag and Core-lax length; returns the content's position and length.</summary>
    private static bool TryReadInteger(ReadOnlySpan<byte> der, ref int pos, out int contentPos, out int contentLen)
    {
        contentPos = contentLen = 0;
        int length = der.Length;
        if (pos == length || der[pos] != 0x02)
            return false;
        pos++;
        if (pos == length)
            return false;
        int lenByte = der[pos++];
        long value;
        if ((lenByte & 0x80) != 0)
        {
            lenByte -= 0x80;
            if (lenByte > length - pos)
                return false;
            while (lenByte > 0 && der[pos] == 0)
            {
                pos++;
                lenByte--;
            }
            if (lenByte >= 4)
                return false;
            value = 0;
            while (lenByte > 0)
            {
                value = (value << 8) + der[pos];
                pos++;
                lenByte--;
            }
        }
        else
        {
            value = lenByte;
        }
        if (value > length - pos)
            return false;
        contentPos = pos;
        contentLen = (int)value;
        pos += contentLen;
        return true;
    }

    /// <summary>Strips leading zeros and right-aligns into 32 bytes; false when more than 32 bytes remain.</summary>
    private static bool TryCopyInteger(ReadOnlySpan<byte> value, Span<byte> destination32)
    {
        while (!value.IsEmpty && value[0] == 0)
            value = value[1..];
        if (value.Length > 32)
            return false;
        value.CopyTo(destination32[(32 - value.Length)..]);
        return true;
    }

    private static bool IsBelowOrder(ReadOnlySpan<byte> value32) => value32.SequenceCompareTo(Order) < 0;
}
