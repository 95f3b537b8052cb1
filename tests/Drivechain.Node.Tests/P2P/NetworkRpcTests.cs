using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// The network RPCs on real node processes over loopback, with Core's shapes and error codes: setban/listbanned/
/// clearbanned (persisted in banlist.json), -maxconnections, addnode/getaddednodeinfo/disconnectnode,
/// setnetworkactive, ping, getnettotals and getnetworkinfo.
/// </summary>
public sealed class NetworkRpcTests : IDisposable
{
    private readonly string _dataDirA = Directory.CreateTempSubdirectory("drivechain-netrpc-a-").FullName;
    private readonly string _dataDirB = Directory.CreateTempSubdirectory("drivechain-netrpc-b-").FullName;

    [Fact]
    public async Task A_banned_address_is_refused_the_ban_survives_a_restart_and_clearbanned_lifts_it()
    {
        var node = await NodeProcess.StartAsync(_dataDirA);
        try
        {
            (await node.Rpc.CallErrorAsync("setban", "not-an-ip", "add")).Code.Should().Be(-30);
            (await node.Rpc.CallErrorAsync("setban", "127.0.0.1", "remove")).Code.Should().Be(-30);
            await using (var peer = await ScriptedPeer.ConnectAsync(node.P2pPort))
            {
                await peer.HandshakeAsync();
                await node.Rpc.CallAsync("setban", "127.0.0.1", "add");
                (await peer.IsClosedByNodeAsync()).Should().BeTrue("a new ban disconnects the peers it covers");
            }
            (await node.Rpc.CallErrorAsync("setban", "127.0.0.1", "add")).Code.Should().Be(-23);
            await using (var refused = await ScriptedPeer.ConnectAsync(node.P2pPort))
                (await refused.IsClosedByNodeAsync()).Should().BeTrue("a banned address is refused");
            File.Exists(Path.Combine(_dataDirA, "regtest", "banlist.json")).Should().BeTrue();

            await node.DisposeAsync();
            node = await NodeProcess.StartAsync(_dataDirA);
            var ban = (await node.Rpc.CallAsync("listbanned"))!.AsArray().Should().ContainSingle().Subject!;
            ban["address"]!.GetValue<string>().Should().Be("127.0.0.1/32");
            ban["ban_duration"]!.GetValue<long>().Should().Be(86400);
            ban["banned_until"]!.GetValue<long>().Should().Be(ban["ban_created"]!.GetValue<long>() + 86400);

            await node.Rpc.CallAsync("clearbanned");
            (await node.Rpc.CallAsync("listbanned"))!.AsArray().Should().BeEmpty();
            await using var welcome = await ScriptedPeer.ConnectAsync(node.P2pPort);
            await welcome.HandshakeAsync();
            (await node.Rpc.CallAsync("getconnectioncount"))!.GetValue<int>().Should().Be(1);
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Addnode_ping_nettotals_disconnectnode_setnetworkactive_and_maxconnections_work_between_two_nodes()
    {
        await using var a = await NodeProcess.StartAsync(_dataDirA);
        await using var b = await NodeProcess.StartAsync(_dataDirB, "--maxconnections", "12");   // one inbound slot
        var target = $"127.0.0.1:{b.P2pPort}";

        await a.Rpc.CallAsync("addnode", target, "add");
        (await a.Rpc.CallErrorAsync("addnode", target, "add")).Code.Should().Be(-23);
        (await a.Rpc.CallErrorAsync("getaddednodeinfo", "127.0.0.1:1")).Code.Should().Be(-24);
        await Eventually.TrueAsync(async () => (await a.Rpc.CallAsync("getaddednodeinfo"))!.AsArray().Single()!["connected"]!.GetValue<bool>(),
            "the added node is connected");
        var added = (await a.Rpc.CallAsync("getaddednodeinfo", target))!.AsArray().Should().ContainSingle().Subject!;
        added["addednode"]!.GetValue<string>().Should().Be(target);
        added["addresses"]!.AsArray().Single()!["connected"]!.GetValue<string>().Should().Be("outbound");

        // b's only inbound slot is taken by a.
        await Eventually.TrueAsync(async () => (await b.Rpc.CallAsync("getconnectioncount"))!.GetValue<int>() == 1, "b counts a's connection");
        await using (var refused = await ScriptedPeer.ConnectAsync(b.P2pPort))
            (await refused.IsClosedByNodeAsync()).Should().BeTrue("inbound slots are full");
        await b.ShouldLogAsync("inbound slots full");

        await a.Rpc.CallAsync("ping");
        await Eventually.TrueAsync(async () => (await a.Rpc.CallAsync("getpeerinfo"))!.AsArray().Single()!.AsObject().ContainsKey("pingtime"),
            "the ping is answered");
        var peer = (await a.Rpc.CallAsync("getpeerinfo"))!.AsArray().Single()!;
        peer["connection_type"]!.GetValue<string>().Should().Be("manual");
        peer["bytessent"]!.GetValue<long>().Should().BePositive();
        peer["network"]!.GetValue<string>().Should().Be("not_publicly_routable", "a loopback peer, as Core names it");
        peer["timeoffset"]!.GetValue<long>().Should().BeInRange(-5, 5, "both nodes run on this machine's clock");
        peer["last_block"]!.GetValue<long>().Should().Be(0);
        peer["last_transaction"]!.GetValue<long>().Should().Be(0);
        peer["bip152_hb_to"]!.GetValue<bool>().Should().BeFalse();
        peer["inflight"]!.AsArray().Should().BeEmpty("nothing to download from b");
        var totals = (await a.Rpc.CallAsync("getnettotals"))!;
        totals["totalbytesrecv"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(peer["bytesrecv"]!.GetValue<long>()).And.BePositive();
        totals["totalbytessent"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(peer["bytessent"]!.GetValue<long>());
        var info = (await a.Rpc.CallAsync("getnetworkinfo"))!;
        info["networkactive"]!.GetValue<bool>().Should().BeTrue();
        info["connections_out"]!.GetValue<int>().Should().Be(1);
        info["localaddresses"]!.AsArray().Single()!["port"]!.GetValue<int>().Should().Be(a.P2pPort);

        await a.Rpc.CallAsync("addnode", target, "remove");
        (await a.Rpc.CallErrorAsync("addnode", target, "remove")).Code.Should().Be(-24);
        (await a.Rpc.CallErrorAsync("disconnectnode", "127.0.0.1:1")).Code.Should().Be(-29);
        (await a.Rpc.CallErrorAsync("disconnectnode", target, 0)).Code.Should().Be(-8);
        await a.Rpc.CallAsync("disconnectnode", "", peer["id"]!.GetValue<long>());
        await Eventually.TrueAsync(async () => (await a.Rpc.CallAsync("getconnectioncount"))!.GetValue<int>() == 0, "a disconnected from b");

        (await a.Rpc.CallAsync("setnetworkactive", false))!.GetValue<bool>().Should().BeFalse();
        (await a.Rpc.CallAsync("getnetworkinfo"))!["networkactive"]!.GetValue<bool>().Should().BeFalse();
        (await a.Rpc.CallAsync("setnetworkactive", true))!.GetValue<bool>().Should().BeTrue();
        await a.Rpc.CallAsync("addnode", target, "onetry");
        await Eventually.TrueAsync(async () => (await b.Rpc.CallAsync("getconnectioncount"))!.GetValue<int>() == 1, "b accepted a again");
    }

    public void Dispose() => TempDirectories.Delete(_dataDirA, _dataDirB);
}
