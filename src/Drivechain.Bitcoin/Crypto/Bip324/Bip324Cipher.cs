using System.Security.Cryptography;

namespace Drivechain.Bitcoin.Crypto.Bip324;

/// <summary>
/// The BIP324 packet cipher of one connection: our ephemeral key and ElligatorSwift encoding, and after
/// <see cref="Initialize"/> the four forward-secure ciphers. A packet on the wire is
/// 3-byte encrypted length ‖ AEAD(header byte ‖ contents) ‖ 16-byte tag, where the length counts the contents only
/// and bit 7 of the header is the "ignore" (decoy) flag. Not thread-safe: one sender and one receiver at a time.
/// </summary>
public sealed class Bip324Cipher : IDisposable
{
    /// <summary>Encrypted length field size.</summary>
    public const int LengthSize = 3;

    /// <summary>Header byte size.</summary>
    public const int HeaderSize = 1;

    /// <summary>Bytes a packet adds to its contents: length + header + tag.</summary>
    public const int Expansion = LengthSize + HeaderSize + FSChaCha20Poly1305.TagSize;

    /// <summary>Length of each garbage terminator.</summary>
    public const int GarbageTerminatorSize = 16;

    /// <summary>The ignore bit of the header byte.</summary>
    public const byte IgnoreBit = 0x80;

    private readonly byte[] _secretKey;
    private readonly byte[] _ourEncoding = new byte[ElligatorSwift.EncodingSize];
    private FSChaCha20? _sendL, _recvL;
    private FSChaCha20Poly1305? _sendP, _recvP;

    /// <summary>Uses a given secret key and encoding (tests, vectors).</summary>
    /// <exception cref="ArgumentException">Wrong lengths.</exception>
    public Bip324Cipher(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> ourEncoding)
    {
        if (secretKey.Length != 32 || ourEncoding.Length != ElligatorSwift.EncodingSize)
            throw new ArgumentException("A BIP324 cipher needs a 32-byte secret key and a 64-byte encoding.");
        _secretKey = secretKey.ToArray();
        ourEncoding.CopyTo(_ourEncoding);
    }

    /// <summary>A fresh random ephemeral key and encoding (from the OS random number generator).</summary>
    public static Bip324Cipher CreateRandom()
    {
        Span<byte> key = stackalloc byte[32];
        Span<byte> entropy = stackalloc byte[32];
        Span<byte> encoding = stackalloc byte[ElligatorSwift.EncodingSize];
        do
            RandomNumberGenerator.Fill(key);
        while (!ElligatorSwift.TryCreate(key, RandomEntropy(entropy), encoding));
        return new Bip324Cipher(key, encoding);
    }

    private static ReadOnlySpan<byte> RandomEntropy(Span<byte> buffer)
    {
        RandomNumberGenerator.Fill(buffer);
        return buffer;
    }

    /// <summary>Our 64-byte ElligatorSwift public key, sent first on the wire.</summary>
    public ReadOnlySpan<byte> OurEncoding => _ourEncoding;

    /// <summary>The derived keys (after <see cref="Initialize"/>).</summary>
    public Bip324SessionKeys? Keys { get; private set; }

    /// <summary>The session id (after <see cref="Initialize"/>).</summary>
    public ReadOnlySpan<byte> SessionId => Keys is null ? default : Keys.SessionId;

    /// <summary>The terminator we send after our garbage.</summary>
    public ReadOnlySpan<byte> SendGarbageTerminator => _sendTerminator;

    /// <summary>The terminator that ends the peer's garbage.</summary>
    public ReadOnlySpan<byte> ReceiveGarbageTerminator => _recvTerminator;

    private byte[] _sendTerminator = [];
    private byte[] _recvTerminator = [];

    /// <summary>
    /// Computes the shared secret with the peer's encoding, derives the session keys and erases our secret key
    /// (so it can be called once). With
    /// <paramref name="selfDecrypt"/> the receive side uses our own send keys (tests decrypt their own packets).
    /// False when the ECDH fails (invalid secret key).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong lengths.</exception>
    public bool Initialize(ReadOnlySpan<byte> theirEncoding, bool initiator, ReadOnlySpan<byte> networkMagic, bool selfDecrypt = false)
    {
        if (Keys is not null)
            throw new InvalidOperationException("The BIP324 cipher is already initialised (its secret key is erased).");
        Span<byte> x = stackalloc byte[32];
        if (!ElligatorSwift.TryComputeXOnlyEcdh(theirEncoding, _secretKey, x))
            return false;
        Span<byte> secret = stackalloc byte[32];
        if (initiator)
            Bip324SessionKeys.ComputeSharedSecret(_ourEncoding, theirEncoding, x, secret);
        else
            Bip324SessionKeys.ComputeSharedSecret(theirEncoding, _ourEncoding, x, secret);
        var keys = Bip324SessionKeys.Derive(secret, networkMagic);
        // Forward secrecy: the ephemeral secret key and the ECDH values are not needed any more.
        CryptographicOperations.ZeroMemory(_secretKey);
        CryptographicOperations.ZeroMemory(x);
        CryptographicOperations.ZeroMemory(secret);
        Keys = keys;
        var sendIsInitiator = initiator;
        var recvIsInitiator = initiator == selfDecrypt;
        DisposeCiphers();
        _sendL = new FSChaCha20(sendIsInitiator ? keys.InitiatorL : keys.ResponderL);
        _sendP = new FSChaCha20Poly1305(sendIsInitiator ? keys.InitiatorP : keys.ResponderP);
        _recvL = new FSChaCha20(recvIsInitiator ? keys.InitiatorL : keys.ResponderL);
        _recvP = new FSChaCha20Poly1305(recvIsInitiator ? keys.InitiatorP : keys.ResponderP);
        _sendTerminator = initiator ? keys.InitiatorGarbageTerminator : keys.ResponderGarbageTerminator;
        _recvTerminator = initiator ? keys.ResponderGarbageTerminator : keys.InitiatorGarbageTerminator;
        return true;
    }

    /// <summary>
    /// Encrypts one packet into <paramref name="output"/> (exactly contents + <see cref="Expansion"/> bytes).
    /// <paramref name="aad"/> is the garbage we sent for the first packet, empty afterwards.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not initialised.</exception>
    /// <exception cref="ArgumentException">Contents over 2^24 − 1 bytes or a wrong output length.</exception>
    public void Encrypt(ReadOnlySpan<byte> contents, ReadOnlySpan<byte> aad, bool ignore, Span<byte> output)
    {
        if (_sendL is null || _sendP is null)
            throw new InvalidOperationException("The BIP324 cipher is not initialised.");
        if (contents.Length > 0xFFFFFF || output.Length != contents.Length + Expansion)
            throw new ArgumentException("Packet contents over 16 MiB or an output of the wrong length.");
        Span<byte> length = [(byte)contents.Length, (byte)(contents.Length >> 8), (byte)(contents.Length >> 16)];
        _sendL.Crypt(length, output[..LengthSize]);
        // The header and contents are encrypted in place in the output (header byte first).
        var plaintext = output.Slice(LengthSize, HeaderSize + contents.Length);
        plaintext[0] = ignore ? IgnoreBit : (byte)0;
        contents.CopyTo(plaintext[HeaderSize..]);
        _sendP.Encrypt(plaintext, aad, output[LengthSize..]);
    }

    /// <summary>Decrypts the 3-byte length field of the next packet: the size of its contents (without header and tag).</summary>
    /// <exception cref="InvalidOperationException">Not initialised.</exception>
    public int DecryptLength(ReadOnlySpan<byte> input)
    {
        if (_recvL is null)
            throw new InvalidOperationException("The BIP324 cipher is not initialised.");
        if (input.Length != LengthSize)
            throw new ArgumentException("The length field is 3 bytes.", nameof(input));
        Span<byte> length = stackalloc byte[LengthSize];
        _recvL.Crypt(input, length);
        return length[0] | (length[1] << 8) | (length[2] << 16);
    }

    /// <summary>
    /// Decrypts and authenticates the rest of a packet (header ‖ contents ‖ tag: the length from
    /// <see cref="DecryptLength"/> + 17 bytes) into <paramref name="contents"/> (the decrypted length). False when
    /// authentication fails: the connection must be dropped.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not initialised.</exception>
    public bool Decrypt(ReadOnlySpan<byte> input, ReadOnlySpan<byte> aad, out bool ignore, Span<byte> contents)
    {
        if (_recvP is null)
            throw new InvalidOperationException("The BIP324 cipher is not initialised.");
        if (input.Length != contents.Length + HeaderSize + FSChaCha20Poly1305.TagSize)
            throw new ArgumentException("The packet and contents lengths do not match.", nameof(input));
        ignore = false;
        var plaintextLength = HeaderSize + contents.Length;
        byte[]? rented = null;
        var plaintext = plaintextLength <= 1024
            ? stackalloc byte[plaintextLength]
            : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(plaintextLength)).AsSpan(0, plaintextLength);
        try
        {
            if (!_recvP.Decrypt(input, aad, plaintext))
                return false;
            ignore = (plaintext[0] & IgnoreBit) != 0;
            plaintext[HeaderSize..].CopyTo(contents);
            return true;
        }
        finally
        {
            if (rented is not null)
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void DisposeCiphers()
    {
        _sendP?.Dispose();
        _recvP?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        DisposeCiphers();
        CryptographicOperations.ZeroMemory(_secretKey);
    }
}
