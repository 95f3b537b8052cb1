using Drivechain.Bitcoin.Crypto.Bip324;

namespace Drivechain.Node.P2P.Transport.V2;

/// <summary>A completed BIP324 session as an <see cref="IPeerTransport"/>; owns the transport and its stream.</summary>
public sealed class V2PeerTransport(V2Transport transport, Stream stream) : IPeerTransport
{
    public string Type => "v2";

    public string SessionId { get; } = Convert.ToHexStringLower(transport.SessionId);

    public int FramedSize(string command, int payloadLength) =>
        Bip324MessageTypes.EncodedSize(command) + payloadLength + Bip324Cipher.Expansion;

    public Task SendAsync(string command, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        transport.SendAsync(command, payload, cancellationToken);

    public async Task<PeerMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var message = await transport.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            return message is null ? null : new PeerMessage(message.Command, message.Payload);
        }
        catch (V2TransportException e)
        {
            throw new PeerTransportException(e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transport.DisposeAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
    }
}
