using System.Buffers.Binary;

namespace Drivechain.Bitcoin.Crypto.Bip324;

/// <summary>What BIP324's two forward-secure ciphers share: key checking and the 96-bit nonce layout.</summary>
internal static class ForwardSecureNonce
{
    /// <summary>A copy of a 32-byte key; throws naming <paramref name="cipher"/> otherwise.</summary>
    public static byte[] CopyKey(ReadOnlySpan<byte> key, string cipher) => key.Length == ChaCha20.KeySize
        ? key.ToArray()
        : throw new ArgumentException($"{cipher} needs a 32-byte key.", nameof(key));

    /// <summary>Nonce = <paramref name="low"/> (4 bytes LE) ‖ <paramref name="rekeyCounter"/> (8 bytes LE).</summary>
    public static void Write(Span<byte> nonce, uint low, ulong rekeyCounter)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(nonce, low);
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], rekeyCounter);
    }
}
