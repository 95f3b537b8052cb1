using System.Security.Cryptography;
using Drivechain.Node.P2P.Transport.V2;

namespace Drivechain.Node.Tests.P2P;

/// <summary>The BIP324 transport between two of our own endpoints over loopback, and its defences.</summary>
public class V2TransportTests
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task Both_sides_agree_on_the_session_id_and_exchange_messages_both_ways_skipping_decoys()
    {
        await using var session = await V2TestPeers.SessionPairAsync();
        var (initiator, responder) = (session.Initiator, session.Responder);
        {
            initiator.SessionId.ToArray().Should().Equal(responder.SessionId.ToArray());
            var big = RandomNumberGenerator.GetBytes(1_000_000);
            var send = initiator.SendAsync("block", big, Timeout());
            var received = await responder.ReceiveAsync(Timeout());
            await send;
            received!.Command.Should().Be("block");
            received.Payload.Should().Equal(big);

            await responder.SendDecoyAsync(100, Timeout());
            await responder.SendAsync("sendaddrv2", Array.Empty<byte>(), Timeout());
            await responder.SendDecoyAsync(0, Timeout());
            await responder.SendAsync("ping", new byte[8], Timeout());
            (await initiator.ReceiveAsync(Timeout()))!.Command.Should().Be("sendaddrv2");
            (await initiator.ReceiveAsync(Timeout()))!.Command.Should().Be("ping");
        }
    }

    [Fact]
    public async Task A_packet_with_a_flipped_bit_fails_authentication_and_the_receiver_gives_up()
    {
        V2TamperingStream? tampering = null;
        await using var session = await V2TestPeers.SessionPairAsync(s => tampering = new V2TamperingStream(s));
        {
            tampering!.Tamper = true;
            await session.Initiator.SendAsync("ping", new byte[8], Timeout());
            var act = () => session.Responder.ReceiveAsync(Timeout());
            (await act.Should().ThrowAsync<V2TransportException>()).Which.Message.Should().Contain("bad MAC");
        }
    }

    [Fact]
    public async Task Garbage_longer_than_4095_bytes_without_terminator_is_refused()
    {
        var (client, server) = await V2TestPeers.SocketPairAsync();
        using (client)
        using (server)
        {
            // A well-formed key followed by 4096 + 16 bytes that contain no terminator (the terminator is
            // derived from keys the sender never learns, so random bytes match it with negligible probability).
            using var keyOnly = Drivechain.Bitcoin.Crypto.Bip324.Bip324Cipher.CreateRandom();
            await client.GetStream().WriteAsync(keyOnly.OurEncoding.ToArray());
            await client.GetStream().WriteAsync(RandomNumberGenerator.GetBytes(4096 + 16));
            var detection = await V2InboundDetection.DetectAsync(server.GetStream(), V2TestPeers.RegtestMagic, Timeout());
            var act = () => V2Transport.AcceptAsync(server.GetStream(), V2TestPeers.RegtestMagic, detection.Prefix, Timeout());
            (await act.Should().ThrowAsync<V2TransportException>()).Which.Message.Should().Contain("4095");
        }
    }

    [Fact]
    public async Task A_v1_version_message_is_detected_as_v1_and_its_bytes_are_handed_back()
    {
        var (client, server) = await V2TestPeers.SocketPairAsync();
        using (client)
        using (server)
        {
            await V2TestPeers.SendV1Async(client.GetStream(), "version", V2TestPeers.VersionPayload());
            var detection = await V2InboundDetection.DetectAsync(server.GetStream(), V2TestPeers.RegtestMagic, Timeout());
            detection.IsV1.Should().BeTrue();
            detection.Prefix.Should().Equal(V2InboundDetection.V1Prefix(V2TestPeers.RegtestMagic));
        }
    }

    [Fact]
    public async Task An_outbound_attempt_closed_by_the_peer_before_any_byte_asks_for_a_v1_retry()
    {
        var (client, server) = await V2TestPeers.SocketPairAsync();
        using (client)
        {
            server.Close();
            var act = () => V2Transport.ConnectAsync(client.GetStream(), V2TestPeers.RegtestMagic, Timeout());
            (await act.Should().ThrowAsync<V2TransportException>()).Which.RetryAsV1.Should().BeTrue();
        }
    }

    [Fact]
    public async Task Random_bytes_into_the_responder_only_ever_end_in_a_transport_exception()
    {
        for (var round = 0; round < 40; round++)
        {
            var (client, server) = await V2TestPeers.SocketPairAsync();
            using (client)
            using (server)
            {
                var junk = RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(1, 6000));
                await client.GetStream().WriteAsync(junk);
                client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
                var detection = await V2InboundDetection.DetectAsync(server.GetStream(), V2TestPeers.RegtestMagic, Timeout())
                    .ContinueWith(t => t.IsFaulted ? null : t.Result);
                if (detection is null || detection.IsV1)
                    continue;
                var act = () => V2Transport.AcceptAsync(server.GetStream(), V2TestPeers.RegtestMagic, detection.Prefix, Timeout());
                await act.Should().ThrowAsync<V2TransportException>();
            }
        }
    }

    [Fact]
    public async Task Random_bytes_after_the_handshake_end_in_a_transport_exception_or_a_clean_close()
    {
        for (var round = 0; round < 20; round++)
        {
            await using var session = await V2TestPeers.SessionPairAsync();
            {
                var client = session.Client;
                await client.GetStream().WriteAsync(RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(1, 3000)));
                client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
                try
                {
                    while (await session.Responder.ReceiveAsync(Timeout()) is not null)
                    {
                    }
                }
                catch (V2TransportException)
                {
                }
            }
        }
    }
}
