using System.Text.Json;
using System.Text.RegularExpressions;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.P2P.Messages;
using Drivechain.Node.P2P.Sync;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Parallel block download against real Bitcoin Core processes: our node fetches one chain from two Cores at once, and a
/// scripted peer that announces the chain but never sends a block is found stalling the download window, disconnected,
/// and its blocks fetched from Core instead.
/// </summary>
public sealed partial class ParallelDownloadTests : IDisposable
{
    private const string Payee = "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-download-").FullName;

    [BitcoindFact]
    public async Task Our_node_downloads_one_chain_from_two_cores_at_once_and_logs_its_progress()
    {
        await using var coreA = await BitcoindProcess.StartAsync();
        var mined = await coreA.GenerateToAddressAsync(600, Payee);
        await using var coreB = await BitcoindProcess.StartAsync($"-connect={coreA.P2pEndpoint}");
        (await coreB.CallAsync("waitforblock", mined[^1], (int)Timeout.TotalMilliseconds)).GetProperty("hash").GetString().Should().Be(mined[^1]);

        await using var node = await NodeProcess.StartAsync(_dataDir, "--connect", coreA.P2pEndpoint, "--connect", coreB.P2pEndpoint);
        await node.WaitForOutputAsync($"Block {mined[^1]} accepted at height 600", Timeout);

        // Both Cores served blocks to us (Core counts the bytes of each message type it sent to a peer).
        (await BlockBytesSentToUsAsync(coreA)).Should().BeGreaterThan(0, "Core A should have served blocks");
        (await BlockBytesSentToUsAsync(coreB)).Should().BeGreaterThan(0, "Core B should have served blocks");

        // UpdateTip progress lines, rate-limited, with rising heights, the last one at the tip with progress 1.
        var heights = UpdateTipHeight().Matches(node.Output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        heights.Should().HaveCountGreaterThanOrEqualTo(2).And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        heights[^1].Should().Be(600);
        await node.ShouldLogAsync("height=600 headers=600", "progress=1.000000 (100.00 %)");

        var info = (await node.Rpc.CallAsync("getblockchaininfo"))!;
        info["blocks"]!.GetValue<int>().Should().Be(600);
        info["headers"]!.GetValue<int>().Should().Be(600);
        info["verificationprogress"]!.GetValue<double>().Should().Be(1.0);
        info["initialblockdownload"]!.GetValue<bool>().Should().BeFalse("the tip is recent and has at least the minimum chain work (0 on regtest)");
    }

    [BitcoindFact]
    public async Task A_peer_that_announces_the_chain_but_never_sends_blocks_is_disconnected_as_a_staller_and_core_serves_its_blocks()
    {
        const int length = BlockDownloadScheduler.BlockDownloadWindow + 76;
        await using var core = await BitcoindProcess.StartAsync();
        var mined = await core.GenerateToAddressAsync(length, Payee);
        await using var node = await NodeProcess.StartAsync(_dataDir, "--listen", "1");

        // The staller: announces Core's whole chain (headers fetched from Core over P2P) and then stays silent.
        var headers = await FetchHeadersFromCoreAsync(core);
        await using var staller = await ScriptedPeer.ConnectAsync(node.P2pPort);
        await staller.HandshakeAsync();
        await staller.SendAsync("headers", headers);
        var request = await staller.ReceiveUntilAsync("getdata");
        P2PPayloads.TryParseInventory(request.Payload, out var requested).Should().BeTrue();
        requested!.Should().HaveCount(BlockDownloadScheduler.MaxBlocksInTransitPerPeer, "at most 16 blocks are in flight per peer");
        requested![0].Hash.Should().Be(UInt256.Parse(mined[0]), "the staller was asked for the first blocks of the chain");
        (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Single()!["inflight"]!.AsArray().Select(h => h!.GetValue<int>()).Should()
            .Equal(Enumerable.Range(1, BlockDownloadScheduler.MaxBlocksInTransitPerPeer), "getpeerinfo's inflight lists the heights asked for");

        // Core joins: it serves the rest of the window, the staller holds up the window and is disconnected after 2 s,
        // and Core then serves the staller's blocks too.
        await node.Rpc.CallAsync("addnode", core.P2pEndpoint, "onetry");
        await node.WaitForOutputAsync($"Block {mined[^1]} accepted at height {length}", Timeout);
        (await staller.IsClosedByNodeAsync()).Should().BeTrue("the staller is disconnected");
        await node.ShouldLogAsync("is stalling block download (timeout 2 s); disconnecting");
        (await node.Rpc.CallAsync("getpeerinfo"))!.AsArray().Should().ContainSingle("only Core is still connected");
    }

    /// <summary>A v1 connection to Core asking for the headers after genesis: Core's own headers message, as it sent it.</summary>
    private static async Task<byte[]> FetchHeadersFromCoreAsync(BitcoindProcess core)
    {
        await using var client = await ScriptedPeer.ConnectAsync(core.P2pPort);
        await client.HandshakeAsync();
        await client.SendAsync("getheaders", P2PPayloads.GetHeaders(70016, [Network.Regtest.GenesisHash], UInt256.Zero));
        return (await client.ReceiveUntilAsync("headers", m => m.Payload.Length > 81)).Payload.ToArray();
    }

    private static async Task<long> BlockBytesSentToUsAsync(BitcoindProcess core)
    {
        var peers = (await core.CallAsync("getpeerinfo")).EnumerateArray()
            .Where(p => p.GetProperty("subver").GetString()!.Contains("Drivechain.NET", StringComparison.Ordinal)).ToList();
        peers.Should().ContainSingle("our node is connected to this Core");
        return peers[0].GetProperty("bytessent_per_msg").TryGetProperty("block", out var bytes) && bytes.ValueKind == JsonValueKind.Number ? bytes.GetInt64() : 0;
    }

    [GeneratedRegex(@"UpdateTip: new best=[0-9a-f]{64} height=(\d+) ")]
    private static partial Regex UpdateTipHeight();

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
