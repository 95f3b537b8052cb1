using System.Text.Json;
using Drivechain.Testing.Bitcoind;
using static Drivechain.Node.Tests.P2P.CoreWallet;

namespace Drivechain.Node.Tests.P2P.CompactBlocks;

/// <summary>
/// BIP152 against the real Bitcoin Core: our node rebuilds Core's new block from its mempool and one getblocktxn round
/// (Core sends cmpctblock and blocktxn, no block), and Core rebuilds the block our node mines from our cmpctblock.
/// </summary>
public sealed class CompactBlockCoreTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("drivechain-cmpct-").FullName;

    [BitcoindFact]
    public async Task Our_node_reconstructs_cores_block_from_its_mempool_and_getblocktxn_for_the_transaction_it_lacks()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var (node, address) = await StartSyncedPairAsync(core);
        await using var _ = node;

        var relayed = new List<string>();
        for (var i = 0; i < 2; i++)
            relayed.Add((await core.WalletCallAsync("w", "sendtoaddress", (await core.WalletCallAsync("w", "getnewaddress")).GetString()!, 1m + i)).GetString()!);
        await Eventually.TrueAsync(async () => (await NodeMempoolAsync(node)).Intersect(relayed).Count() == 2, "both payments reach our mempool", Timeout);
        var (unsentHex, unsentTxId) = await SignedButUnsentAsync(core, (await core.WalletCallAsync("w", "getnewaddress")).GetString()!, 0.5m);
        (await NodeMempoolAsync(node)).Should().NotContain(unsentTxId);
        var blockBytesBefore = SentPerMessage(await CorePeerAsync(core), "block");

        var hash = (await core.CallAsync("generateblock", address, new[] { relayed[0], relayed[1], unsentHex })).GetProperty("hash").GetString()!;

        await node.WaitForOutputAsync($"Block {hash} accepted at height 102", Timeout);
        await node.ShouldLogAsync($"Block {hash} from peer", "reconstructed from a compact block: 2 from the mempool, 1 by getblocktxn, 1 prefilled, 4 transactions");
        (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(await core.GetBestBlockHashAsync());
        var peer = await CorePeerAsync(core);
        SentPerMessage(peer, "cmpctblock").Should().BeGreaterThan(0);
        SentPerMessage(peer, "blocktxn").Should().BeGreaterThan(0);
        SentPerMessage(peer, "block").Should().Be(blockBytesBefore, "the block came as cmpctblock + blocktxn, not in full");
        peer.GetProperty("bytesrecv_per_msg").GetProperty("getblocktxn").GetInt64().Should().BeGreaterThan(0);
        (await NodeMempoolAsync(node)).Should().NotContain(relayed);
    }

    [BitcoindFact]
    public async Task Core_reconstructs_the_block_our_node_mines_from_our_compact_block()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var (node, _) = await StartSyncedPairAsync(core);
        await using var _ = node;
        var txid = (await core.WalletCallAsync("w", "sendtoaddress", (await core.WalletCallAsync("w", "getnewaddress")).GetString()!, 2m)).GetString()!;
        await Eventually.TrueAsync(async () => (await NodeMempoolAsync(node)).Contains(txid), "the payment reaches our mempool", Timeout);
        var blockBytesBefore = ReceivedPerMessage(await CorePeerAsync(core), "block");

        var hash = (await node.Rpc.CallAsync("generatetoaddress", 1, "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"))!.AsArray()[0]!.GetValue<string>();

        (await core.CallAsync("waitforblock", hash, (int)Timeout.TotalMilliseconds)).GetProperty("hash").GetString().Should().Be(hash);
        (await core.CallAsync("getblock", hash)).GetProperty("tx").EnumerateArray().Select(t => t.GetString()).Should().Contain(txid);
        var peer = await CorePeerAsync(core);
        ReceivedPerMessage(peer, "cmpctblock").Should().BeGreaterThan(0);
        ReceivedPerMessage(peer, "block").Should().Be(blockBytesBefore, "Core rebuilt the block from our cmpctblock and its mempool");
    }

    /// <summary>Core with a wallet and 101 blocks, and our node connected to it (v2) and synced to them.</summary>
    private async Task<(NodeProcess Node, string Address)> StartSyncedPairAsync(BitcoindProcess core)
    {
        var address = await core.CreateWalletAsync();
        var tip = (await core.GenerateToAddressAsync(101, address))[^1];
        var node = await NodeProcess.StartAsync(_dataDir, "--connect", core.P2pEndpoint);
        await node.WaitForOutputAsync($"Block {tip} accepted at height 101", Timeout);
        return (node, address);
    }

    private static async Task<JsonElement> CorePeerAsync(BitcoindProcess core) =>
        (await core.CallAsync("getpeerinfo")).EnumerateArray().Should().ContainSingle().Subject;

    private static long SentPerMessage(JsonElement peer, string command) => PerMessage(peer, "bytessent_per_msg", command);

    private static long ReceivedPerMessage(JsonElement peer, string command) => PerMessage(peer, "bytesrecv_per_msg", command);

    private static long PerMessage(JsonElement peer, string field, string command) =>
        peer.GetProperty(field).TryGetProperty(command, out var bytes) ? bytes.GetInt64() : 0;

    public void Dispose() => TempDirectories.Delete(_dataDir);
}
