namespace Drivechain.Node.P2P.Addresses;

/// <summary>
/// anchors.dat (Core's anchors: the block-relay-only peers connected at a clean shutdown, reconnected first at the next
/// start so that an attacker cannot take over all of a restarted node's connections). Our own format, not Core's: the
/// addresses as an addrv2 payload (BIP155), framed by <see cref="DataFile"/> ("DCANCHR1", the network magic, a SHA-256). The file is
/// read once at start-up and deleted right after (readable or not), as in Core.
/// </summary>
public static class AnchorsFile
{
    /// <summary>Core's MAX_BLOCK_RELAY_ONLY_ANCHORS.</summary>
    public const int MaxAnchors = 2;

    private static ReadOnlySpan<byte> FileMagic => "DCANCHR1"u8;

    /// <summary>Writes up to <see cref="MaxAnchors"/> addresses to <paramref name="path"/> (<see cref="DataFile"/>); IO errors reach the caller.</summary>
    public static void Write(string path, ReadOnlySpan<byte> networkMagic, IReadOnlyCollection<PeerAddress> anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        DataFile.Write(path, FileMagic, networkMagic, AddressMessages.Serialize([.. anchors.Take(MaxAnchors)], v2: true));
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
        if (DataFile.Check(bytes, FileMagic, networkMagic, minBodyLength: 1, out var body) is { } fault)
        {
            error = fault switch
            {
                DataFile.Fault.TooShort => "truncated",
                DataFile.Fault.ChecksumMismatch => "checksum mismatch",
                DataFile.Fault.OtherFile => "not an anchors file",
                _ => "another network's file",
            };
            return [];
        }
        error = AddressMessages.TryParse(body, v2: true, out var anchors, out _);
        return error is null ? [.. anchors.Take(MaxAnchors)] : [];
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
