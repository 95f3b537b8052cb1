using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Automatic outbound connections (Core's ThreadOpenConnections) to real Bitcoin Core processes the address manager
/// knows: 8 full-relay then 2 block-relay-only, as getpeerinfo names them on both sides, then a feeler to the last one.
/// </summary>
public sealed class OutboundConnectionTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-outbound-").FullName;

    [BitcoindFact]
    public async Task With_eleven_known_cores_the_node_opens_eight_full_relay_and_two_block_relay_only_connections()
    {
        var cores = (await Task.WhenAll(Enumerable.Range(0, 11).Select(_ => BitcoindProcess.StartAsync()))).ToList();
        try
        {
            await using var node = await NodeProcess.StartAsync(_dataDir, "--feelerinterval", "1");
            for (var i = 0; i < cores.Count; i++)
            {
                // Two ports can want the same new-table slot (about one run in a hundred; Core's addrman alike): the second
                // is refused ("failed-adding-to-new"), so that Core is replaced by one on another port.
                while (!(await node.Rpc.CallAsync("addpeeraddress", "127.0.0.1", cores[i].P2pPort))!["success"]!.GetValue<bool>())
                {
                    await cores[i].DisposeAsync();
                    cores[i] = await BitcoindProcess.StartAsync();
                }
            }

            await Eventually.TrueAsync(async () => (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Count(p => p!["version"]!.GetValue<int>() > 0) >= 10,
                "ten outbound connections are established", TimeSpan.FromMinutes(2));
            // A feeler (a short test of the one address still in the new table) may come and go: it holds no slot.
            var peers = (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Select(p => p!).Where(p => p["connection_type"]!.GetValue<string>() != "feeler").ToList();
            peers.Should().OnlyContain(p => !p["inbound"]!.GetValue<bool>());
            peers.Count(p => p["connection_type"]!.GetValue<string>() == "outbound-full-relay").Should().Be(8);
            var blockOnly = peers.Where(p => p["connection_type"]!.GetValue<string>() == "block-relay-only").ToList();
            blockOnly.Should().HaveCount(2);
            blockOnly.Should().OnlyContain(p => !p["relaytxes"]!.GetValue<bool>() && !p["addr_relay_enabled"]!.GetValue<bool>());
            peers.Select(p => p["addr"]!.GetValue<string>()).Should().OnlyHaveUniqueItems("one connection per network group (a port on regtest)");

            // Core sees our block-relay-only connections as inbound peers that asked for no transactions.
            var blockPorts = blockOnly.Select(p => p["addr"]!.GetValue<string>().Split(':')[^1]).ToHashSet();
            foreach (var core in cores.Where(c => blockPorts.Contains(c.P2pPort.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            {
                var theirs = (await core.CallAsync("getpeerinfo")).EnumerateArray().Single();
                theirs.GetProperty("inbound").GetBoolean().Should().BeTrue();
                theirs.GetProperty("relaytxes").GetBoolean().Should().BeFalse();
            }
            // The connected addresses moved to the tried table; none were added or removed. With all 10 slots taken, a
            // feeler tests the 11th address, which then moves to tried too, and the feeler is closed at once.
            (await node.Rpc.CallAsync("getnodeaddresses", 0))!.AsArray().Should().HaveCount(11);
            await Eventually.TrueAsync(async () => (await node.Rpc.CallAsync("getrawaddrman"))!["tried"]!.AsObject().Count == 11,
                "a feeler moved the last new address to the tried table", TimeSpan.FromSeconds(60));
            (await node.Rpc.CallAsync("getrawaddrman"))!["new"]!.AsObject().Should().BeEmpty();
            await node.WaitForOutputAsync("feeler connection completed", TimeSpan.FromSeconds(10));
            (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Count(p => p!["connection_type"]!.GetValue<string>() != "feeler").Should()
                .Be(10, "no slot beyond 8 + 2 is filled");
        }
        finally
        {
            foreach (var core in cores) await core.DisposeAsync();
        }
    }

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
