using System.Security.Cryptography;

namespace Drivechain.Bitcoin.Crypto.Bip324;

/// <summary>
/// BIP324's forward-secure ChaCha20-Poly1305 (RFC 8439 AEAD) for packet contents: the nonce is the packet number
/// within the current key (4 bytes LE) ‖ the rekey counter (8 bytes LE); after every <see cref="RekeyInterval"/>
/// packets the key is replaced by the first 32 bytes of the AEAD keystream under nonce 0xFFFFFFFF ‖ rekey counter.
/// Uses the BCL's <see cref="ChaCha20Poly1305"/>. Not thread-safe (one instance per direction of one connection).
/// </summary>
public sealed class FSChaCha20Poly1305 : IDisposable
{
    /// <summary>Packets between rekeys, as BIP324.</summary>
    public const int RekeyInterval = 224;

    /// <summary>Length of the Poly1305 tag appended to every ciphertext.</summary>
    public const int TagSize = 16;

    private readonly byte[] _key;
    private readonly byte[] _nonce = new byte[ChaCha20.NonceSize];
    private ChaCha20Poly1305 _aead;
    private uint _packetCounter;
    private ulong _rekeyCounter;

    /// <summary>Starts from a 32-byte key.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public FSChaCha20Poly1305(ReadOnlySpan<byte> key)
    {
        _key = ForwardSecureNonce.CopyKey(key, nameof(FSChaCha20Poly1305));
        _aead = new ChaCha20Poly1305(_key);
    }

    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> (plaintext length + 16: ciphertext ‖ tag).</summary>
    public void Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> aad, Span<byte> ciphertext)
    {
        if (ciphertext.Length != plaintext.Length + TagSize)
            throw new ArgumentException("The ciphertext must be 16 bytes longer than the plaintext.", nameof(ciphertext));
        WriteNonce();
        _aead.Encrypt(_nonce, plaintext, ciphertext[..plaintext.Length], ciphertext[plaintext.Length..], aad);
        NextPacket();
    }

    /// <summary>
    /// Decrypts and authenticates <paramref name="ciphertext"/> (ciphertext ‖ tag) into <paramref name="plaintext"/>;
    /// false when the tag does not match (the packet counter still advances, as in Bitcoin Core; the caller disconnects).
    /// </summary>
    public bool Decrypt(ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> aad, Span<byte> plaintext)
    {
        if (ciphertext.Length < TagSize || plaintext.Length != ciphertext.Length - TagSize)
            throw new ArgumentException("The plaintext must be 16 bytes shorter than the ciphertext.", nameof(plaintext));
        WriteNonce();
        var ok = true;
        try
        {
            _aead.Decrypt(_nonce, ciphertext[..plaintext.Length], ciphertext[plaintext.Length..], plaintext, aad);
        }
        catch (AuthenticationTagMismatchException)
        {
            ok = false;
        }
        NextPacket();
        return ok;
    }

    private void WriteNonce()
    {
        ForwardSecureNonce.Write(_nonce, _packetCounter, _rekeyCounter);
    }

    private void NextPacket()
    {
        if (++_packetCounter != RekeyInterval)
            return;
        ForwardSecureNonce.Write(_nonce, 0xFFFFFFFF, _rekeyCounter);
        // The AEAD encrypts with blocks 1, 2, …; block 0 is the Poly1305 key. The new key is the start of block 1.
        Span<byte> block = stackalloc byte[ChaCha20.BlockSize];
        ChaCha20.Block(_key, _nonce, 1, block);
        block[..ChaCha20.KeySize].CopyTo(_key);
        _aead.Dispose();
        _aead = new ChaCha20Poly1305(_key);
        _packetCounter = 0;
        _rekeyCounter++;
    }

    /// <inheritdoc />
    public void Dispose() => _aead.Dispose();
}
