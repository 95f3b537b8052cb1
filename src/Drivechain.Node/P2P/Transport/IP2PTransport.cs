namespace Drivechain.Node.P2P.Transport;

/// <summary>
/// The seam between the peer logic and the bytes on the wire: a message transport (v1 plaintext framing or BIP324 v2).
/// One sender and one receiver may run concurrently.
/// </summary>
public interface IP2PTransport : IAsyncDisposable
{
    /// <summary>Core's getpeerinfo "transport_protocol_type": "v1" or "v2".</summary>
    string ProtocolType { get; }

    /// <summary>Sends one message.</summary>
    Task SendAsync(string command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Receives the next message; null when the peer closed the connection cleanly.</summary>
    Task<P2PMessage?> ReceiveAsync(CancellationToken cancellationToken);
}
