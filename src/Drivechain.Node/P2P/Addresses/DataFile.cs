using System.Security.Cryptography;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// The framing of our own P2P data files (peers.dat, anchors.dat): an 8-byte file magic, the network magic, the body, and a
/// SHA-256 of all that. Written to a temporary file renamed over the old one.
/// </summary>
internal static class DataFile
{
    private const int ChecksumSize = 32;

    /// <summary>Why a file's framing is not usable.</summary>
    public enum Fault
    {
        TooShort,
        ChecksumMismatch,
        OtherFile,
        OtherNetwork,
    }

    /// <summary>Writes <paramref name="body"/> framed to <paramref name="path"/>; IO errors reach the caller.</summary>
    public static void Write(string path, ReadOnlySpan<byte> fileMagic, ReadOnlySpan<byte> networkMagic, ReadOnlySpan<byte> body)
    {
        var header = fileMagic.Length + networkMagic.Length;
        var bytes = new byte[header + body.Length + ChecksumSize];
        fileMagic.CopyTo(bytes);
        networkMagic.CopyTo(bytes.AsSpan(fileMagic.Length));
        body.CopyTo(bytes.AsSpan(header));
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - ChecksumSize), bytes.AsSpan(bytes.Length - ChecksumSize));
        var temporary = path + ".new";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Checks the framing of a file's <paramref name="bytes"/> (length, checksum, then the magics): the fault, or null and
    /// the <paramref name="body"/> (at least <paramref name="minBodyLength"/> bytes).
    /// </summary>
    public static Fault? Check(byte[] bytes, ReadOnlySpan<byte> fileMagic, ReadOnlySpan<byte> networkMagic, int minBodyLength,
        out ArraySegment<byte> body)
    {
        body = default;
        var header = fileMagic.Length + networkMagic.Length;
        if (bytes.Length < header + minBodyLength + ChecksumSize) return Fault.TooShort;
        if (!SHA256.HashData(bytes.AsSpan(0, bytes.Length - ChecksumSize)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumSize)))
            return Fault.ChecksumMismatch;
        if (!bytes.AsSpan(0, fileMagic.Length).SequenceEqual(fileMagic)) return Fault.OtherFile;
        if (!bytes.AsSpan(fileMagic.Length, networkMagic.Length).SequenceEqual(networkMagic)) return Fault.OtherNetwork;
        body = new ArraySegment<byte>(bytes, header, bytes.Length - header - ChecksumSize);
        return null;
    }
}
