using Drivechain.Node.P2P.Transport.V2;

namespace Drivechain.Node.P2P.Transport;

/// <summary>Presents a BIP324 <see cref="V2Transport"/> session through the <see cref="IP2PTransport"/> seam.</summary>
public sealed class V2TransportAdapter(V2Transport session) : IP2PTransport
{
    /// <inheritdoc />
    public string ProtocolType => "v2";

    /// <inheritdoc />
    public Task SendAsync(string command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        session.SendAsync(command, payload, cancellationToken);

    /// <inheritdoc />
    public async Task<P2PMessage?> ReceiveAsync(CancellationToken cancellationToken) =>
        await session.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } message
            ? new P2PMessage(message.Command, message.Payload)
            : null;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => session.DisposeAsync();
}
