using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Crypto;

namespace Drivechain.Bitcoin.Addresses;

/// <summary>Base58 with a four-byte SHA256d checksum appended to the payload (addresses, WIF keys).</summary>
public static class Base58Check
{
    private const int ChecksumLength = 4;

    /// <summary>Encodes <paramref name="payload"/> followed by its checksum.</summary>
    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[payload.Length + ChecksumLength];
        payload.CopyTo(buffer);
        Span<byte> digest = stackalloc byte[32];
        Hashes.Sha256d(payload, digest);
        digest[..ChecksumLength].CopyTo(buffer.AsSpan(payload.Length));
        return Base58.Encode(buffer);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> and checks its checksum; false on a bad character, a bad checksum, fewer than
    /// four bytes, or a payload longer than <paramref name="maxPayloadLength"/>.
    /// </summary>
    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? payload, int maxPayloadLength = int.MaxValue - ChecksumLength)
    {
        payload = null;
        if (!Base58.TryDecode(text, out var data, maxPayloadLength + ChecksumLength) || data.Length < ChecksumLength) return false;
        var body = data.AsSpan(0, data.Length - ChecksumLength);
        Span<byte> digest = stackalloc byte[32];
        Hashes.Sha256d(body, digest);
        if (!digest[..ChecksumLength].SequenceEqual(data.AsSpan(body.Length))) return false;
        payload = body.ToArray();
        return true;
    }
}
