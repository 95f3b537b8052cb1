namespace Drivechain.Node.P2P.Transport.V2;

/// <summary>
/// Transport choice as Bitcoin Core 31 makes it (<c>-v2transport</c>, default on): outbound connections try v2
/// first and are reopened as v1 when the peer closes the connection without answering our key; inbound
/// connections are v1 when their first bytes are a v1 "version" message, v2 otherwise. With v2 disabled, every
/// connection is v1 and nothing is read ahead.
/// </summary>
public static class V2Negotiation
{
    /// <summary>
    /// Opens an outbound connection with <paramref name="open"/>; with v2 enabled runs the BIP324 handshake and,
    /// when the peer turns out to be v1-only, opens a second connection for v1. Other v2 failures propagate
    /// (<see cref="V2TransportException"/>); the caller drops the peer.
    /// </summary>
    public static async Task<OutboundResult> ConnectAsync(Func<CancellationToken, Task<Stream>> open, ReadOnlyMemory<byte> magic,
        bool v2Enabled, CancellationToken cancellationToken)
    {
        if (!v2Enabled)
            return new OutboundResult(null, await open(cancellationToken).ConfigureAwait(false), FellBackToV1: false);
        var stream = await open(cancellationToken).ConfigureAwait(false);
        try
        {
            return new OutboundResult(await V2Transport.ConnectAsync(stream, magic, cancellationToken).ConfigureAwait(false), stream, false);
        }
        catch (V2TransportException e) when (e.RetryAsV1)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new OutboundResult(null, await open(cancellationToken).ConfigureAwait(false), FellBackToV1: true);
    }

    /// <summary>
    /// Decides the transport of an accepted connection. For v1 the returned <see cref="InboundResult.V1Prefix"/>
    /// holds the bytes already read from <paramref name="stream"/> (the start of the version message).
    /// </summary>
    public static async Task<InboundResult> AcceptAsync(Stream stream, ReadOnlyMemory<byte> magic, bool v2Enabled,
        CancellationToken cancellationToken)
    {
        if (!v2Enabled)
            return new InboundResult(null, []);
        var detection = await V2InboundDetection.DetectAsync(stream, magic, cancellationToken).ConfigureAwait(false);
        if (detection.IsV1)
            return new InboundResult(null, detection.Prefix);
        return new InboundResult(await V2Transport.AcceptAsync(stream, magic, detection.Prefix, cancellationToken).ConfigureAwait(false), []);
    }

    /// <summary>An outbound connection: <paramref name="V2"/> when BIP324 is in use, else v1 on <paramref name="Stream"/>.</summary>
    public sealed record OutboundResult(V2Transport? V2, Stream Stream, bool FellBackToV1);

    /// <summary>An inbound connection: <paramref name="V2"/> when BIP324 is in use, else v1 whose first bytes are <paramref name="V1Prefix"/>.</summary>
    public sealed record InboundResult(V2Transport? V2, byte[] V1Prefix);
}
