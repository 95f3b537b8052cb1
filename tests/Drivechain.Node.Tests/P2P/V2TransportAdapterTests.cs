using Drivechain.Node.P2P.Transport;
using FluentAssertions;

namespace Drivechain.Node.Tests.P2P;

public sealed class V2TransportAdapterTests
{
    [Fact]
    public async Task A_v2_session_carries_messages_through_the_transport_seam()
    {
        await using var session = await V2TestPeers.SessionPairAsync();
        IP2PTransport initiator = new V2TransportAdapter(session.Initiator);
        IP2PTransport responder = new V2TransportAdapter(session.Responder);

        await initiator.SendAsync("ping", new byte[] { 9, 8, 7, 6, 5, 4, 3, 2 }, CancellationToken.None);
        var message = await responder.ReceiveAsync(CancellationToken.None);

        responder.ProtocolType.Should().Be("v2");
        message!.Command.Should().Be("ping");
        message.Payload.Should().Equal(9, 8, 7, 6, 5, 4, 3, 2);
    }
}
