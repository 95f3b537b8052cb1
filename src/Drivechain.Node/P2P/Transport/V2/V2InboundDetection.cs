namespace Drivechain.Node.P2P.Transport.V2;

/// <summary>
/// First-bytes detection on an inbound connection, as Bitcoin Core: a v1 peer starts with the network magic and
/// the "version" command (16 bytes); anything else is the start of a BIP324 ElligatorSwift key.
/// </summary>
public static class V2InboundDetection
{
    /// <summary>Bytes read before deciding.</summary>
    public const int PrefixSize = 16;

    /// <summary>The 16 bytes a v1 peer sends first on the network with <paramref name="magic"/>.</summary>
    public static byte[] V1Prefix(ReadOnlySpan<byte> magic)
    {
        var prefix = new byte[PrefixSize];
        magic.CopyTo(prefix);
        "version"u8.CopyTo(prefix.AsSpan(4));
        return prefix;
    }

    /// <summary>
    /// Reads up to 16 bytes and says whether the peer speaks v1. The bytes read are returned in
    /// <see cref="Result.Prefix"/>: a v1 handler must treat them as the start of the stream, the v2 responder
    /// (<see cref="V2Transport.AcceptAsync"/>) takes them as the start of the peer's key. Bytes are compared as
    /// they arrive, so a v1 peer is recognised as soon as they differ from the prefix or all 16 match.
    /// </summary>
    public static async Task<Result> DetectAsync(Stream stream, ReadOnlyMemory<byte> magic, CancellationToken cancellationToken)
    {
        var expected = V1Prefix(magic.Span);
        var prefix = new byte[PrefixSize];
        var read = 0;
        while (read < PrefixSize)
        {
            var n = await stream.ReadAsync(prefix.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
                throw new V2TransportException("The peer closed the connection before its first 16 bytes.");
            for (var i = read; i < read + n; i++)
                if (prefix[i] != expected[i])
                    return new Result(IsV1: false, prefix[..(read + n)]);
            read += n;
        }
        return new Result(IsV1: true, prefix);
    }

    /// <summary>The decision and the bytes consumed to make it.</summary>
    public sealed record Result(bool IsV1, byte[] Prefix);
}
