using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.EndToEnd;
using static Drivechain.Node.Tests.P2P.CoreWallet;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Scenarios across real processes (the real Bitcoin Core and our node): a reorg across peers that gives our mempool
/// back the disconnected transaction, and a triangle of two of our nodes and Core relaying blocks and transactions.
/// </summary>
public sealed class NetworkScenarioTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _dataDirA = Directory.CreateTempSubdirectory("drivechain-scenario-a-").FullName;
    private readonly string _dataDirB = Directory.CreateTempSubdirectory("drivechain-scenario-b-").FullName;

    [BitcoindFact]
    public async Task After_a_split_both_sides_end_on_the_most_work_chain_and_our_mempool_takes_back_the_disconnected_transaction()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var address = await core.CreateWalletAsync();
        var blocks = await core.GenerateToAddressAsync(101, address);
        await using var node = await NodeProcess.StartAsync(_dataDirA, "--connect", core.P2pEndpoint);
        await node.WaitForOutputAsync($"Block {blocks[^1]} accepted at height 101", Timeout);

        // Split: our node mines a transaction Core never sees; Core mines a longer chain.
        await node.Rpc.CallAsync("setnetworkactive", false);
        await Eventually.TrueAsync(async () => (await core.CallAsync("getconnectioncount")).GetInt32() == 0, "Core saw the disconnect");
        var (hex, txid) = await SignedButUnsentAsync(core, address, 1m);
        await node.Rpc.CallAsync("sendrawtransaction", hex);
        var ourBlock = (await node.Rpc.CallAsync("generatetoaddress", 1, address))!.AsArray()[0]!.GetValue<string>();
        (await NodeMempoolAsync(node)).Should().BeEmpty("our block confirmed the transaction");
        var coreTip = (await core.GenerateToAddressAsync(3, address))[^1];

        await node.Rpc.CallAsync("setnetworkactive", true);
        await Eventually.TrueAsync(async () => (await node.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>() == coreTip,
            "our node reorganised to Core's chain", Timeout);
        (await core.GetBestBlockHashAsync()).Should().Be(coreTip);
        (await core.CallAsync("getchaintips")).EnumerateArray().Should().NotContain(t => t.GetProperty("hash").GetString() == ourBlock && t.GetProperty("status").GetString() == "active");
        (await NodeMempoolAsync(node)).Should().Contain(txid, "the disconnected block's transaction is back in our mempool");
        await Eventually.TrueAsync(async () => (await CoreMempoolAsync(core)).Contains(txid), "the transaction reached Core's mempool", Timeout);
    }

    [BitcoindFact]
    public async Task In_a_triangle_of_two_of_our_nodes_and_core_blocks_and_transactions_from_any_one_reach_the_other_two()
    {
        await using var core = await BitcoindProcess.StartAsync();
        var address = await core.CreateWalletAsync();
        var blocks = await core.GenerateToAddressAsync(101, address);
        await using var a = await NodeProcess.StartAsync(_dataDirA, "--connect", core.P2pEndpoint, "--listen", "1");
        await using var b = await NodeProcess.StartAsync(_dataDirB, "--connect", core.P2pEndpoint, "--connect", $"127.0.0.1:{a.P2pPort}");
        await a.WaitForOutputAsync($"Block {blocks[^1]} accepted at height 101", Timeout);
        await b.WaitForOutputAsync($"Block {blocks[^1]} accepted at height 101", Timeout);
        await Eventually.TrueAsync(async () => (await a.Rpc.CallAsync("getconnectioncount"))!.GetValue<int>() == 2, "a is connected to Core and b");

        // A block mined by b reaches a and Core.
        var fromB = (await b.Rpc.CallAsync("generatetoaddress", 1, address))!.AsArray()[0]!.GetValue<string>();
        await a.WaitForOutputAsync($"Block {fromB} accepted at height 102", Timeout);
        (await core.CallAsync("waitforblock", fromB, (int)Timeout.TotalMilliseconds)).GetProperty("hash").GetString().Should().Be(fromB);

        // A transaction given to a reaches b and Core; one from Core's wallet reaches a and b.
        var (hex, txid) = await SignedButUnsentAsync(core, address, 1m);
        await a.Rpc.CallAsync("sendrawtransaction", hex);
        await b.WaitForOutputAsync($"Transaction {txid} from peer", Timeout);
        await Eventually.TrueAsync(async () => (await CoreMempoolAsync(core)).Contains(txid), "the transaction reached Core's mempool", Timeout);
        var fromCore = (await core.WalletCallAsync("w", "sendtoaddress", address, 2m)).GetString()!;
        await a.WaitForOutputAsync($"Transaction {fromCore} from peer", Timeout);
        await Eventually.TrueAsync(async () => (await NodeMempoolAsync(b)).Contains(fromCore), "the transaction reached b's mempool", Timeout);
    }

    public void Dispose() => TempDirectories.Delete(_dataDirA, _dataDirB);
}
