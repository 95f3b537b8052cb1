using System.Buffers.Binary;
using System.Numerics;

namespace Drivechain.Bitcoin.Crypto;

/// <summary>
/// The ChaCha20 stream cipher of RFC 8439 (20 rounds, 256-bit key, 96-bit nonce, 32-bit block counter).
/// Stateless and allocation-free: every call takes the key, nonce and starting block counter.
/// </summary>
public static class ChaCha20
{
    /// <summary>Key length in bytes.</summary>
    public const int KeySize = 32;

    /// <summary>Nonce length in bytes.</summary>
    public const int NonceSize = 12;

    /// <summary>Keystream block length in bytes.</summary>
    public const int BlockSize = 64;

    /// <summary>Writes the 64-byte keystream block number <paramref name="counter"/> (RFC 8439 §2.3).</summary>
    /// <exception cref="ArgumentException">Key, nonce or output has the wrong length.</exception>
    public static void Block(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter, Span<byte> output)
    {
        if (key.Length != KeySize || nonce.Length != NonceSize || output.Length < BlockSize)
            throw new ArgumentException("ChaCha20 needs a 32-byte key, a 12-byte nonce and a 64-byte output block.");
        Span<uint> state = stackalloc uint[16];
        InitState(key, nonce, counter, state);
        Span<uint> x = stackalloc uint[16];
        Rounds(state, x);
        for (var i = 0; i < 16; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(output[(i * 4)..], x[i]);
    }

    /// <summary>
    /// XORs <paramref name="input"/> with the keystream starting at block <paramref name="counter"/> into
    /// <paramref name="output"/> (same length; may be the same buffer). Encryption and decryption are the same.
    /// </summary>
    /// <exception cref="ArgumentException">Key, nonce or output has the wrong length.</exception>
    public static void Xor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (key.Length != KeySize || nonce.Length != NonceSize || output.Length < input.Length)
            throw new ArgumentException("ChaCha20 needs a 32-byte key, a 12-byte nonce and an output as long as the input.");
        Span<uint> state = stackalloc uint[16];
        InitState(key, nonce, counter, state);
        Span<uint> x = stackalloc uint[16];
        Span<byte> block = stackalloc byte[BlockSize];
        var offset = 0;
        while (offset < input.Length)
        {
            Rounds(state, x);
            for (var i = 0; i < 16; i++)
                BinaryPrimitives.WriteUInt32LittleEndian(block[(i * 4)..], x[i]);
            var n = Math.Min(BlockSize, input.Length - offset);
            for (var i = 0; i < n; i++)
                output[offset + i] = (byte)(input[offset + i] ^ block[i]);
            offset += n;
            state[12]++;
        }
    }

    private static void InitState(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter, Span<uint> state)
    {
        state[0] = 0x61707865;
        state[1] = 0x3320646e;
        state[2] = 0x79622d32;
        state[3] = 0x6b206574;
        for (var i = 0; i < 8; i++)
            state[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(i * 4)..]);
        state[12] = counter;
        for (var i = 0; i < 3; i++)
            state[13 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce[(i * 4)..]);
    }

    /// <summary>x = state after 20 rounds + state.</summary>
    private static void Rounds(ReadOnlySpan<uint> state, Span<uint> x)
    {
        state.CopyTo(x);
        for (var i = 0; i < 10; i++)
        {
            QuarterRound(x, 0, 4, 8, 12);
            QuarterRound(x, 1, 5, 9, 13);
            QuarterRound(x, 2, 6, 10, 14);
            QuarterRound(x, 3, 7, 11, 15);
            QuarterRound(x, 0, 5, 10, 15);
            QuarterRound(x, 1, 6, 11, 12);
            QuarterRound(x, 2, 7, 8, 13);
            QuarterRound(x, 3, 4, 9, 14);
        }
        for (var i = 0; i < 16; i++)
            x[i] += state[i];
    }

    private static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
    {
        x[a] += x[b]; x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d]; x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b]; x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d]; x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 7);
    }
}
