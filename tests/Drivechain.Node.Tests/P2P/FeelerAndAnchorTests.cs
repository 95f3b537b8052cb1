using System.Net;
using Drivechain.Node.P2P.Addresses;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Feeler connections and anchors against real Bitcoin Core processes: a feeler tests a "new" address and moves it to
/// tried; anchors.dat makes the node reconnect to its block-relay-only peers first, and is written again at a clean stop.
/// </summary>
public sealed class FeelerAndAnchorTests : IDisposable
{
    private static readonly byte[] RegtestMagic = [0xfa, 0xbf, 0xb5, 0xda];
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-feeler-").FullName;

    private string AnchorsPath => Path.Combine(_dataDir, "regtest", "anchors.dat");

    [BitcoindFact]
    public async Task With_its_only_outbound_slot_taken_the_node_tests_the_other_new_address_with_a_feeler_and_moves_it_to_tried()
    {
        await using var first = await BitcoindProcess.StartAsync();
        await using var second = await BitcoindProcess.StartAsync();
        // One full-relay slot and no block-relay slot: without a feeler the second address would stay in the new table.
        await using var node = await NodeProcess.StartAsync(_dataDir, "--maxconnections", "1", "--feelerinterval", "1");
        foreach (var core in new[] { first, second })
            (await node.Rpc.CallAsync("addpeeraddress", "127.0.0.1", core.P2pPort))!["success"]!.GetValue<bool>().Should().BeTrue();

        await Eventually.TrueAsync(async () => (await node.Rpc.CallAsync("getrawaddrman"))!["tried"]!.AsObject().Count == 2,
            "both addresses are in the tried table", TimeSpan.FromSeconds(60));

        await node.WaitForOutputAsync("feeler connection completed", TimeSpan.FromSeconds(10));
        var raw = (await node.Rpc.CallAsync("getrawaddrman"))!;
        raw["new"]!.AsObject().Count.Should().Be(0);
        var peers = (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray();
        peers.Count(p => p!["connection_type"]!.GetValue<string>() == "outbound-full-relay").Should().Be(1, "the feeler took no lasting slot");
    }

    [BitcoindFact]
    public async Task An_anchor_is_reconnected_first_as_block_relay_only_and_written_back_at_a_clean_stop()
    {
        await using var core = await BitcoindProcess.StartAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(AnchorsPath)!);
        var anchor = new IPEndPoint(IPAddress.Loopback, core.P2pPort);
        AnchorsFile.Write(AnchorsPath, RegtestMagic, [new PeerAddress(anchor, 9, DateTimeOffset.UtcNow)]);

        var node = await NodeProcess.StartAsync(_dataDir);
        await using (node)
        {
            await Eventually.TrueAsync(async () => (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray()
                    .Any(p => p!["connection_type"]!.GetValue<string>() == "block-relay-only" && p["version"]!.GetValue<int>() > 0
                              && p["addr"]!.GetValue<string>().EndsWith($":{core.P2pPort}", StringComparison.Ordinal)),
                "the anchor is connected as block-relay-only", TimeSpan.FromSeconds(30));
            File.Exists(AnchorsPath).Should().BeFalse("anchors.dat is deleted once read");
            (await node.Rpc.CallAsync("getnodeaddresses", 0))!.AsArray().Should().BeEmpty("the anchor came from anchors.dat, not the address manager");
            var theirs = (await core.CallAsync("getpeerinfo")).EnumerateArray().Single();
            theirs.GetProperty("inbound").GetBoolean().Should().BeTrue();
            theirs.GetProperty("relaytxes").GetBoolean().Should().BeFalse();

            (await node.StopAsync()).Should().Be(0);
        }

        AnchorsFile.ReadAndDelete(AnchorsPath, RegtestMagic, out var error).Select(a => a.EndPoint).Should().Equal([anchor], node.Output);
        error.Should().BeNull();
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
