using System.Text.Json.Nodes;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P.Addresses;

/// <summary>
/// Address relay against the real Bitcoin Core, both as processes on loopback: addresses Core knows reach our address
/// manager through its getaddr answer and survive our restart (peers.dat), and Core learns ours from our getaddr answer.
/// </summary>
public sealed class CoreAddressRelayTests : IDisposable
{
    private static readonly TimeSpan RelayTimeout = TimeSpan.FromMinutes(2);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-addr-").FullName;

    [BitcoindFact]
    public async Task Addresses_known_to_core_reach_us_by_getaddr_and_survive_a_restart_even_after_a_damaged_peers_dat()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var known = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var address = $"{11 + i}.{i + 1}.2.3";
            if ((await core.CallAsync("addpeeraddress", address, 8333)).GetProperty("success").GetBoolean()) known.Add(address);
        }
        known.Should().HaveCountGreaterThan(30);
        Directory.CreateDirectory(Path.Combine(_dataDir, "regtest"));
        await File.WriteAllBytesAsync(Path.Combine(_dataDir, "regtest", "peers.dat"), [1, 2, 3, 4, 5]);

        var node = await NodeProcess.StartAsync(_dataDir, "--connect", core.P2pEndpoint);
        try
        {
            await node.WaitForOutputAsync("peers.dat is not usable (file too short); starting with no known addresses", RelayTimeout);
            await Eventually.TrueAsync(async () => (await NodeAddresses(node)).Count > 0, "Core answers our getaddr", RelayTimeout);
            var learned = await NodeAddresses(node);
            learned.Select(a => a["address"]!.GetValue<string>()).Should().BeSubsetOf(known);
            learned.Should().AllSatisfy(a =>
            {
                a["port"]!.GetValue<int>().Should().Be(8333);
                a["network"]!.GetValue<string>().Should().Be("ipv4");
                a["services"]!.GetValue<ulong>().Should().Be(9);
            });
            // Core answers with at most 23 % of what it knows (MAX_PCT_ADDR_TO_SEND).
            learned.Should().HaveCountLessThanOrEqualTo(23 * known.Count / 100);
            (await core.CallAsync("getpeerinfo")).EnumerateArray().Should().Contain(p => p.GetProperty("addr_relay_enabled").GetBoolean(),
                "our getaddr enabled address relay on Core's side");

            (await node.StopAsync()).Should().Be(0);
            File.Exists(Path.Combine(_dataDir, "regtest", "peers.dat")).Should().BeTrue();
            // Restarted with an unreachable -connect: no peer, no getaddr; what we know comes from peers.dat.
            node = await NodeProcess.StartAsync(_dataDir, "--connect", "127.0.0.1:1");
            var restored = await NodeAddresses(node);
            restored.Select(a => a["address"]!.GetValue<string>()).Should().BeEquivalentTo(learned.Select(a => a["address"]!.GetValue<string>()));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [BitcoindFact]
    public async Task Core_connecting_to_us_learns_our_addresses_from_our_getaddr_answer()
    {
        await using var node = await NodeProcess.StartAsync(_dataDir);
        var ours = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var address = $"{60 + i}.{i + 7}.5.6";
            var result = (await node.Rpc.CallAsync("addpeeraddress", address, 8333))!;
            if (result["success"]!.GetValue<bool>()) ours.Add(address);
        }
        ours.Should().HaveCountGreaterThan(30);
        var again = (await node.Rpc.CallAsync("addpeeraddress", ours.First(), 8333))!;
        again["success"]!.GetValue<bool>().Should().BeFalse();
        again["error"]!.GetValue<string>().Should().Be("failed-adding-to-new");
        (await node.Rpc.CallErrorAsync("addpeeraddress", "not-an-ip", 8333)).Code.Should().Be(-30);
        (await node.Rpc.CallErrorAsync("getnodeaddresses", -1)).Code.Should().Be(-8);
        (await node.Rpc.CallErrorAsync("getnodeaddresses", 0, "tor")).Code.Should().Be(-8);
        (await node.Rpc.CallAsync("getnodeaddresses"))!.AsArray().Should().HaveCount(1, "the count defaults to 1");
        (await node.Rpc.CallAsync("getnodeaddresses", 0, "ipv6"))!.AsArray().Should().BeEmpty();

        await using var core = await BitcoindProcess.StartAsync();
        await core.CallAsync("addnode", $"127.0.0.1:{node.P2pPort}", "onetry");
        await Eventually.TrueAsync(async () => (await core.CallAsync("getnodeaddresses", 0)).GetArrayLength() > 0, "Core learns our addresses",
            RelayTimeout);
        var learned = (await core.CallAsync("getnodeaddresses", 0)).EnumerateArray().Select(a => a.GetProperty("address").GetString()!).ToList();
        learned.Should().BeSubsetOf(ours).And.HaveCountLessThanOrEqualTo(23 * ours.Count / 100);
        var peer = (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Single()!;
        peer["inbound"]!.GetValue<bool>().Should().BeTrue();
        peer["addr_relay_enabled"]!.GetValue<bool>().Should().BeTrue("Core asked for addresses");
    }

    private static async Task<List<JsonNode>> NodeAddresses(NodeProcess node) =>
        [.. (await node.Rpc.CallAsync("getnodeaddresses", 0))!.AsArray().Select(a => a!)];

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
