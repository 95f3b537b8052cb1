namespace Drivechain.Bitcoin.Crypto.Bip324;

/// <summary>
/// BIP324's forward-secure ChaCha20 for the 3-byte packet lengths: one continuous keystream (nonce = 0 ‖ rekey
/// counter), and after every <see cref="RekeyInterval"/> chunks the next 32 keystream bytes become the new key.
/// Not thread-safe (one instance per direction of one connection).
/// </summary>
public sealed class FSChaCha20
{
    /// <summary>Chunks (packets) between rekeys, as BIP324.</summary>
    public const int RekeyInterval = 224;

    private readonly byte[] _key;
    private readonly byte[] _keystream = new byte[ChaCha20.BlockSize];
    private readonly byte[] _nonce = new byte[ChaCha20.NonceSize];
    private int _keystreamLeft;
    private uint _blockCounter;
    private uint _chunkCounter;
    private ulong _rekeyCounter;

    /// <summary>Starts from a 32-byte key.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public FSChaCha20(ReadOnlySpan<byte> key)
    {
        _key = ForwardSecureNonce.CopyKey(key, nameof(FSChaCha20));
    }

    /// <summary>XORs one chunk with the keystream (encrypts or decrypts), then rekeys when the interval is reached.</summary>
    public void Crypt(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < input.Length)
            throw new ArgumentException("The output must be as long as the input.", nameof(output));
        for (var i = 0; i < input.Length; i++)
            output[i] = (byte)(input[i] ^ NextKeystreamByte());
        if (++_chunkCounter == RekeyInterval)
        {
            Span<byte> newKey = stackalloc byte[ChaCha20.KeySize];
            for (var i = 0; i < newKey.Length; i++)
                newKey[i] = NextKeystreamByte();
            newKey.CopyTo(_key);
            _chunkCounter = 0;
            _rekeyCounter++;
            _blockCounter = 0;
            _keystreamLeft = 0;
        }
    }

    private byte NextKeystreamByte()
    {
        if (_keystreamLeft == 0)
        {
            ForwardSecureNonce.Write(_nonce, 0, _rekeyCounter);
            ChaCha20.Block(_key, _nonce, _blockCounter++, _keystream);
            _keystreamLeft = ChaCha20.BlockSize;
        }
        return _keystream[ChaCha20.BlockSize - _keystreamLeft--];
    }
}
