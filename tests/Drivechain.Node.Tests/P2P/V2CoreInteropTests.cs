using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Drivechain.Node.P2P.Transport.V2;
using Drivechain.Testing.Bitcoind;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Our BIP324 transport against the real Bitcoin Core, over raw loopback sockets: handshake and version/verack
/// both ways, getpeerinfo's transport type and session id, a block fetched over the encrypted session, and the
/// v1 fallback when Core runs with -v2transport=0. (The node's P2P layer is not in this branch; these tests drive
/// the transport directly.)
/// </summary>
public class V2CoreInteropTests
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>Completes version/verack on a v2 session; returns the commands received up to Core's verack.</summary>
    private static async Task<List<string>> ExchangeVersionsAsync(V2Transport transport, bool weSendFirst)
    {
        if (weSendFirst)
            await transport.SendAsync("version", V2TestPeers.VersionPayload(), Timeout());
        var commands = new List<string>();
        while (true)
        {
            var message = await transport.ReceiveAsync(Timeout());
            message.Should().NotBeNull("Core must not close the session during the handshake");
            commands.Add(message!.Command);
            if (message.Command == "version")
            {
                if (!weSendFirst)
                    await transport.SendAsync("version", V2TestPeers.VersionPayload(), Timeout());
                await transport.SendAsync("verack", Array.Empty<byte>(), Timeout());
            }
            if (message.Command == "verack")
                return commands;
        }
    }

    private static async Task<JsonElement> SinglePeerAsync(BitcoindProcess core)
    {
        var peers = (await core.CallAsync("getpeerinfo")).EnumerateArray().ToList();
        peers.Should().HaveCount(1);
        return peers[0];
    }

    [BitcoindFact]
    public async Task Our_outbound_v2_session_with_core_is_v2_on_core_with_the_same_session_id_and_serves_a_block()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var address = await core.CreateWalletAsync();
        var hash = (await core.GenerateToAddressAsync(1, address))[0];

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, core.P2pPort);
        await using var transport = await V2Transport.ConnectAsync(tcp.GetStream(), V2TestPeers.RegtestMagic, Timeout());
        var commands = await ExchangeVersionsAsync(transport, weSendFirst: true);
        commands.Should().StartWith("version").And.Contain("verack");

        var peer = await SinglePeerAsync(core);
        peer.GetProperty("transport_protocol_type").GetString().Should().Be("v2");
        peer.GetProperty("session_id").GetString().Should().Be(Convert.ToHexStringLower(transport.SessionId));
        peer.GetProperty("inbound").GetBoolean().Should().BeTrue();

        await FetchBlockAsync(transport, hash);
    }

    /// <summary>Asks Core for a block over the session and checks the block that comes back.</summary>
    private static async Task FetchBlockAsync(V2Transport transport, string hash)
    {
        await transport.SendAsync("getdata", V2TestPeers.GetDataWitnessBlock(hash), Timeout());
        V2Message? message;
        do
            message = await transport.ReceiveAsync(Timeout());
        while (message is not null && message.Command != "block");
        message.Should().NotBeNull();
        V2TestPeers.BlockHash(message!.Payload).Should().Be(hash);
    }

    [BitcoindFact]
    public async Task Core_connecting_to_us_speaks_v2_with_the_same_session_id_and_serves_a_block()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var hash = (await core.GenerateToAddressAsync(1, await core.CreateWalletAsync()))[0];
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var accept = listener.AcceptTcpClientAsync(Timeout()).AsTask();
            await core.CallAsync("addnode", $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}", "onetry", true);
            using var tcp = await accept;
            var detection = await V2InboundDetection.DetectAsync(tcp.GetStream(), V2TestPeers.RegtestMagic, Timeout());
            detection.IsV1.Should().BeFalse();
            await using var transport = await V2Transport.AcceptAsync(tcp.GetStream(), V2TestPeers.RegtestMagic, detection.Prefix, Timeout());
            var commands = await ExchangeVersionsAsync(transport, weSendFirst: false);
            commands[0].Should().Be("version", "the initiator sends its version first");

            var peer = await SinglePeerAsync(core);
            peer.GetProperty("transport_protocol_type").GetString().Should().Be("v2");
            peer.GetProperty("session_id").GetString().Should().Be(Convert.ToHexStringLower(transport.SessionId));
            peer.GetProperty("connection_type").GetString().Should().Be("manual");
            await FetchBlockAsync(transport, hash);
        }
        finally
        {
            listener.Stop();
        }
    }

    [BitcoindFact]
    public async Task With_v2_off_on_core_our_outbound_attempt_falls_back_to_v1_and_core_inbound_is_detected_as_v1()
    {
        await using var core = await BitcoindProcess.StartAsync("-v2transport=0");

        var outbound = await V2Negotiation.ConnectAsync(async ct =>
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, core.P2pPort, ct);
            return tcp.GetStream();
        }, V2TestPeers.RegtestMagic, v2Enabled: true, Timeout());
        outbound.FellBackToV1.Should().BeTrue();
        outbound.V2.Should().BeNull();
        await using var stream = outbound.Stream;
        await V2TestPeers.SendV1Async(stream, "version", V2TestPeers.VersionPayload());
        string command;
        do
        {
            command = await V2TestPeers.ReceiveV1Async(stream, Timeout());
            if (command == "version")
                await V2TestPeers.SendV1Async(stream, "verack", []);
        }
        while (command != "verack");
        (await SinglePeerAsync(core)).GetProperty("transport_protocol_type").GetString().Should().Be("v1");

        // Inbound: Core (v2 off) connects to us with a v1 version message, recognised by its first 16 bytes.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var accept = listener.AcceptTcpClientAsync(Timeout()).AsTask();
            await core.CallAsync("addnode", $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}", "onetry");
            using var tcp = await accept;
            var inbound = await V2Negotiation.AcceptAsync(tcp.GetStream(), V2TestPeers.RegtestMagic, v2Enabled: true, Timeout());
            inbound.V2.Should().BeNull();
            inbound.V1Prefix.Should().Equal(V2InboundDetection.V1Prefix(V2TestPeers.RegtestMagic));
        }
        finally
        {
            listener.Stop();
        }
    }
}
