using System.Net;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Node.P2P.Addresses;
using Drivechain.Node.P2P.Messages;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// -whitelist/-whitebind and address relay limits on a real node process over loopback, with scripted peers: a noban peer
/// connects although its address is banned; an inbound peer's unsolicited addresses are rate-limited; getaddr is
/// answered once, as addrv2 to a peer that sent sendaddrv2; an addr of more than 1,000 entries costs the sender.
/// </summary>
public sealed class WhitelistTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-whitelist-").FullName;

    [Fact]
    public async Task A_whitebind_noban_peer_connects_while_its_address_is_banned_and_a_plain_one_is_refused()
    {
        var whitePort = Drivechain.Testing.Bitcoind.BitcoindProcess.FreePort();
        await using var node = await NodeProcess.StartAsync(_dataDir, "--whitebind", $"noban@127.0.0.1:{whitePort}");
        await node.Rpc.CallAsync("setban", "127.0.0.1", "add");

        await using (var plain = await ScriptedPeer.ConnectAsync(node.P2pPort))
            (await plain.IsClosedByNodeAsync()).Should().BeTrue("127.0.0.1 is banned");
        await using var white = await ScriptedPeer.ConnectAsync(whitePort);
        await white.HandshakeAsync();
        var peer = (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Single()!;
        peer["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal("noban", "download");

        // A misbehaving noban peer is dropped but never discouraged.
        await white.SendAsync("addr", TooManyAddresses());
        (await white.IsClosedByNodeAsync()).Should().BeTrue();
        // The log line is written by the logger after the disconnect itself: wait for it.
        await node.WaitForOutputAsync("it has the noban permission: disconnected, not discouraged", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Unsolicited_addresses_are_rate_limited_getaddr_is_answered_once_as_addrv2_and_oversized_addr_is_misbehaviour()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        for (var i = 0; i < 40; i++) await node.Rpc.CallAsync("addpeeraddress", $"{150 + i}.{i + 1}.7.7", 8333);
        var known = (await node.Rpc.CallAsync("getnodeaddresses", 0))!.AsArray().Select(a => a!["address"]!.GetValue<string>()).ToHashSet();

        await using var peer = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await peer.SendAsync("version", new VersionMessage(70016, 9, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 7, "/scripted:0.1/", 0, true).ToBytes());
        await peer.SendAsync("sendaddrv2", []);
        await peer.SendAsync("verack", []);
        await peer.ReceiveUntilAsync("verack");

        await peer.SendAsync("getaddr", []);
        var answer = await peer.ReceiveUntilAsync("addrv2");
        AddressMessages.TryParse(answer.Payload, v2: true, out var sent, out _).Should().BeNull();
        sent.Should().HaveCount(23 * known.Count / 100);
        sent.Select(a => a.EndPoint.Address.ToString()).Should().BeSubsetOf(known);
        await peer.SendAsync("getaddr", []);
        await peer.SendAsync("ping", P2PPayloads.Nonce(77));
        var next = await peer.ReceiveFirstAsync("pong", "addr", "addrv2");
        next.Command.Should().Be("pong", "a second getaddr on the same connection is not answered");

        // 20 fresh addresses from an inbound peer we never asked: the token bucket (one token to start) lets one through.
        var unsolicited = Enumerable.Range(0, 20)
            .Select(i => new PeerAddress(new IPEndPoint(IPAddress.Parse($"{20 + i}.9.9.9"), 8333), 9, DateTimeOffset.UtcNow)).ToList();
        await peer.SendAsync("addrv2", AddressMessages.Serialize(unsolicited, v2: true));
        await Eventually.TrueAsync(async () => (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Single()!["addr_processed"]!.GetValue<long>() > 0,
            "the addrv2 is processed");
        var info = (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Single()!;
        info["addr_processed"]!.GetValue<long>().Should().Be(1);
        info["addr_rate_limited"]!.GetValue<long>().Should().Be(19);
        (await node.Rpc.CallAsync("getnodeaddresses", 0))!.AsArray().Should().HaveCount(known.Count + 1);

        await peer.SendAsync("addr", TooManyAddresses());
        (await peer.IsClosedByNodeAsync()).Should().BeTrue("more than 1,000 addresses is misbehaviour");
        await node.ShouldLogAsync("sent a bad addr: addr message size = 1001");
    }

    private static byte[] TooManyAddresses()
    {
        var payload = new byte[3 + 1001 * 30];
        new BitcoinWriter(payload).WriteCompactSize(1001);
        return payload;
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
