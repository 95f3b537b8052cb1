using Drivechain.Testing.Consensus;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Inbound eviction on a real node process: with every inbound slot taken by scripted peers, one more inbound connection
/// evicts the peer Core's SelectNodeToEvict picks, and a young peer that relayed a transaction is protected.
/// </summary>
public sealed class InboundEvictionEndToEndTests : IDisposable
{
    private const int Slots = 30;
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-evict-").FullName;

    [Fact]
    public async Task A_new_inbound_peer_on_full_slots_evicts_the_youngest_unprotected_peer_and_spares_a_recent_transaction_relayer()
    {
        // -maxconnections = 11 outbound slots + 30 inbound slots.
        await using var node = await NodeProcess.StartAsync(_dataDir, "--maxconnections", (11 + Slots).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var peers = new List<ScriptedPeer>();
        try
        {
            for (var i = 0; i < Slots; i++)
            {
                var peer = await ScriptedPeer.ConnectAsync(node.P2pPort);
                peers.Add(peer);
                await peer.HandshakeAsync();
            }
            // Peer 17 relays a transaction (an orphan: not misbehaviour), which protects it as one of the 4 latest relayers.
            await peers[17].SendAsync("tx", DrivechainTransactions.Ordinary(DrivechainTransactions.Funding(7)).ToBytes());
            await Eventually.TrueAsync(async () => (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray()
                .Single(p => p!["id"]!.GetValue<long>() == 17)!["last_transaction"]!.GetValue<long>() > 0, "peer 17's transaction is handled");
            var ids = await PeerIdsAsync(node);
            ids.Should().Equal(Enumerable.Range(0, Slots).Select(i => (long)i), "the node numbers peers in connection order");

            // All candidates share one network group (loopback) and none answered a ping. Core's protections, in order:
            // 4 by network group (ties: the last 4 connected, 26–29), 8 by lowest ping (ties: the next 8, 18–25), the latest
            // transaction relayer (17) and the 3 oldest, the 4 oldest by last block (3–6), then half of the 10 left by uptime
            // (7–11). Of 12–16 the youngest, 16, is evicted.
            await using var newcomer = await ScriptedPeer.ConnectAsync(node.P2pPort);
            await newcomer.HandshakeAsync();
            (await peers[16].IsClosedByNodeAsync()).Should().BeTrue("peer 16 is the one Core's selection evicts");
            await node.WaitForOutputAsync("Inbound slots full: evicting peer 16 ", TimeSpan.FromSeconds(10));
            var after = await PeerIdsAsync(node);
            after.Should().HaveCount(Slots).And.NotContain(16).And.Contain([17, Slots]);
        }
        finally
        {
            foreach (var peer in peers) await peer.DisposeAsync();
        }
    }

    private static async Task<List<long>> PeerIdsAsync(NodeProcess node) =>
        [.. (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Select(p => p!["id"]!.GetValue<long>()).Order()];

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
