using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Crypto.Secp256k1;

/// <summary>BIP340's tagged hashes with the 64-byte tag prefix computed once.</summary>
internal static class Bip340Hashes
{
    private static readonly byte[] Challenge = Prefix("BIP0340/challenge");
    private static readonly byte[] Aux = Prefix("BIP0340/aux");
    private static readonly byte[] Nonce = Prefix("BIP0340/nonce");

    private static byte[] Prefix(string tag)
    {
        var tagHash = SHA256.HashData(Encoding.UTF8.GetBytes(tag));
        return [.. tagHash, .. tagHash];
    }

    /// <summary>hash_BIP0340/challenge(r ‖ P ‖ m).</summary>
    public static void HashChallenge(ReadOnlySpan<byte> r32, ReadOnlySpan<byte> p32, ReadOnlySpan<byte> message, Span<byte> output) =>
        Hash(Challenge, r32, p32, message, output);

    /// <summary>hash_BIP0340/nonce(t ‖ P ‖ m).</summary>
    public static void HashNonce(ReadOnlySpan<byte> t32, ReadOnlySpan<byte> p32, ReadOnlySpan<byte> message, Span<byte> output) =>
        Hash(Nonce, t32, p32, message, output);

    /// <summary>hash_BIP0340/aux(a).</summary>
    public static void HashAux(ReadOnlySpan<byte> aux32, Span<byte> output) => Hash(Aux, aux32, [], [], output);

    private static void Hash(byte[] prefix, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> message, Span<byte> output)
    {
        int length = 64 + a.Length + b.Length + message.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(length));
        prefix.CopyTo(buffer);
        a.CopyTo(buffer[64..]);
        b.CopyTo(buffer[(64 + a.Length)..]);
        message.CopyTo(buffer[(64 + a.Length + b.Length)..]);
        Sha256Hasher.Hash(buffer[..length], output);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }
}
