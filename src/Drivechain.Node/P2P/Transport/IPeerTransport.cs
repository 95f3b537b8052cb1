namespace Drivechain.Node.P2P.Transport;

/// <summary>One peer connection's message framing: v1 (magic, command, length, checksum) or BIP324 v2.</summary>
public interface IPeerTransport : IAsyncDisposable
{
    /// <summary>"v1" or "v2", as getpeerinfo's <c>transport_protocol_type</c>.</summary>
    string Type { get; }

    /// <summary>The BIP324 session id in hex (empty for v1), as getpeerinfo's <c>session_id</c>.</summary>
    string SessionId { get; }

    /// <summary>Writes one message. Not safe for concurrent callers (the peer serialises its sends).</summary>
    Task SendAsync(string command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Reads the next message; null when the peer closed the connection cleanly between messages.</summary>
    Task<PeerMessage?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>The bytes one message of <paramref name="command"/> with a payload of <paramref name="payloadLength"/> takes on the wire.</summary>
    int FramedSize(string command, int payloadLength);
}
