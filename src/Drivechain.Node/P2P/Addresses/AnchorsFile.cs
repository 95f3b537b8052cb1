using System.Security.Cryptography;

namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// anchors.dat (Core's anchors: the block-relay-only peers connected at a clean shutdown, reconnected first at the next
/// start so that an attacker cannot take over all of a restarted node's connections). Our own format, not Core's:
/// "DCANCHR1", the network magic, the addresses as an addrv2 payload (BIP155), and a SHA-256 of all that. The file is
/// read once at start-up and deleted right after (readable or not), as in Core.
/// </summary>
public static class AnchorsFile
{
    /// <summary>Core's MAX_BLOCK_RELAY_ONLY_ANCHORS.</summary>
    public const int MaxAnchors = 2;

    private static ReadOnlySpan<byte> FileMagic => "DCANCHR1"u8;

    /// <summary>Writes up to <see cref="MaxAnchors"/> addresses to <paramref name="path"/> (temporary file renamed over it); IO errors reach the caller.</summary>
    public static void Write(string path, ReadOnlySpan<byte> networkMagic, IReadOnlyCollection<PeerAddress> anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        var body = AddressMessages.Serialize([.. anchors.Take(MaxAnchors)], v2: true);
        var bytes = new byte[FileMagic.Length + networkMagic.Length + body.Length + 32];
        FileMagic.CopyTo(bytes);
        networkMagic.CopyTo(bytes.AsSpan(FileMagic.Length));
        body.CopyTo(bytes.AsSpan(FileMagic.Length + networkMagic.Length));
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
        var temporary = path + ".new";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Reads and deletes <paramref name="path"/>: the anchors (at most <see cref="MaxAnchors"/>), or none and the reason
    /// when the file is damaged, of another network or unreadable. A missing file is no anchors and no error.
    /// </summary>
    public static List<PeerAddress> ReadAndDelete(string path, ReadOnlySpan<byte> networkMagic, out string? error)
    {
        error = null;
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return [];
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return [];
        }
        finally
        {
            TryDelete(path);
        }
        var header = FileMagic.Length + networkMagic.Length;
        if (bytes.Length < header + 1 + 32) error = "truncated";
        else if (!bytes.AsSpan(0, FileMagic.Length).SequenceEqual(FileMagic)) error = "not an anchors file";
        else if (!bytes.AsSpan(FileMagic.Length, networkMagic.Length).SequenceEqual(networkMagic)) error = "another network's file";
        else if (!SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32))) error = "checksum mismatch";
        else if (AddressMessages.TryParse(bytes.AsSpan(header, bytes.Length - 32 - header), v2: true, out var anchors, out _) is { } bad) error = bad;
        else return [.. anchors.Take(MaxAnchors)];
        return [];
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: read again at the next start, as harmless as a stale anchor.
        }
    }
}
