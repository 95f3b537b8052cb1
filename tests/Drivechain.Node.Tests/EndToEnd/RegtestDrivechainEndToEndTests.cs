using System.Text.Json.Nodes;

namespace Drivechain.Node.Tests.EndToEnd;

/// <summary>
/// The whole drivechain life cycle against the real executable, over JSON-RPC only: mining, sidechain activation,
/// a deposit built with createrawtransaction + signrawtransactionwithkey, a withdrawal bundle paid out, a BMM request
/// accepted, and a restart that finds the same tip and drivechain state. The steps are <see cref="RegtestDrivechainSteps"/>.
/// </summary>
public sealed class RegtestDrivechainEndToEndTests : IAsyncLifetime
{
    private const byte Slot = 1;
    private static readonly string PayoutAddress = RegtestDrivechainSteps.PayoutAddress;

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "drivechain-e2e", Guid.NewGuid().ToString("N"));
    private NodeProcess _node = null!;

    public async Task InitializeAsync() => _node = await NodeProcess.StartAsync(_dataDir);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    private RegtestDrivechainSteps Steps => new(_node.Rpc);

    private Task<JsonNode?> Rpc(string method, params object?[] args) => _node.Rpc.CallAsync(method, args);

    private Task<JsonArray> Mine(int blocks) => Steps.MineAsync(blocks);

    private Task<JsonObject> Block(JsonNode? hash) => Steps.BlockAsync(hash);

    [Fact]
    public async Task Sidechain_life_cycle_over_json_rpc_survives_a_restart()
    {
        // 101 blocks: the first coinbase matures.
        (await Mine(101)).Should().HaveCount(101);
        (await Rpc("getblockcount"))!.GetValue<int>().Should().Be(101);

        // Propose slot 1; the default ack-all policy ACKs it in every following block until it activates (M2 × 6).
        var proposal = await Steps.ProposeSidechainAsync(Slot, "Thunder", "Example sidechain");
        await Mine(1);
        var proposals = (await Rpc("listsidechainproposals"))!.AsArray();
        proposals.Should().ContainSingle().Which!["description_hash"]!.GetValue<string>().Should().Be(proposal["description_hash"]!.GetValue<string>());
        await Mine(6);
        var sidechains = (await Rpc("listsidechains"))!.AsArray();
        sidechains.Should().ContainSingle();
        sidechains[0]!["slot"]!.GetValue<int>().Should().Be(Slot);
        sidechains[0]!["declaration"]!["title"]!.GetValue<string>().Should().Be("Thunder");
        (await Rpc("listsidechainproposals"))!.AsArray().Should().BeEmpty();

        // Deposit 10 BTC from the block-1 coinbase: treasury output, deposit address, change.
        var depositTxId = await Steps.DepositAsync(Slot, coinbaseHeight: 1, 10m, "sidechain-addr-1");
        (await Rpc("getrawmempool"))!.AsArray().Select(x => x!.GetValue<string>()).Should().Contain(depositTxId);
        await Mine(1);
        var ctip = (await Rpc("getctip", (int)Slot))!.AsObject();
        ctip["txid"]!.GetValue<string>().Should().Be(depositTxId);
        ctip["value"]!.GetValue<decimal>().Should().Be(10m);
        (await Rpc("listtreasuryhistory", (int)Slot))!.AsArray().Should().ContainSingle().Which!["kind"]!.GetValue<string>().Should().Be("deposit");

        // A withdrawal bundle from the sidechain (blinded M6): 1 BTC to the payout address, 10 000 sat fee.
        var m6id = await Steps.ReceiveBundleAsync(Slot, RegtestDrivechainSteps.BlindedBundle(100_000_000, 10_000));
        await Mine(1);
        var bundles = (await Rpc("listwithdrawalbundles", (int)Slot))!.AsArray();
        bundles.Should().ContainSingle().Which!["m6id"]!.GetValue<string>().Should().Be(m6id);

        // Mine until the bundle is approved and paid (upvoted every block; paid once the tip shows acks > 5).
        var withdrawalTxId = await Steps.MineUntilPaidAsync(Slot, maxBlocks: 12);
        withdrawalTxId.Should().NotBeNull(_node.Output);
        (await Rpc("listwithdrawalbundles", (int)Slot))!.AsArray().Should().BeEmpty();
        var tipBlock = await Block(await Rpc("getbestblockhash"));
        var m6 = tipBlock["tx"]!.AsArray().Single(t => t!["txid"]!.GetValue<string>() == withdrawalTxId)!;
        m6["vout"]![0]!["scriptPubKey"]!["hex"]!.GetValue<string>().Should().Be("b4010151");
        m6["vout"]![0]!["value"]!.GetValue<decimal>().Should().Be(8.9999m);
        m6["vout"]![1]!["value"]!.GetValue<decimal>().Should().Be(1m);
        m6["vout"]![1]!["scriptPubKey"]!["address"]!.GetValue<string>().Should().Be(PayoutAddress);
        (await Rpc("getctip", (int)Slot))!["value"]!.GetValue<decimal>().Should().Be(8.9999m);
        (await Rpc("computem6id", m6.AsObject()["hex"]!.GetValue<string>(), 10m))!["m6id"]!.GetValue<string>().Should().Be(m6id);

        // A BMM request (M8) naming the tip; the next block accepts it with an M7.
        var h = "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2";
        var bmmTxId = await Steps.SendBmmRequestAsync(Slot, h, coinbaseHeight: 2, bid: 0.01m);
        var bmmBlock = await Block((await Mine(1))[0]);
        bmmBlock["tx"]!.AsArray().Select(t => t!["txid"]!.GetValue<string>()).Should().Contain(bmmTxId);
        var coinbaseMessages = new List<JsonObject>();
        foreach (var output in bmmBlock["tx"]![0]!["vout"]!.AsArray())
            coinbaseMessages.Add((await Rpc("decodedrivechainmessage", output!["scriptPubKey"]!["hex"]!.GetValue<string>()))!.AsObject());
        coinbaseMessages.Should().Contain(m => m["type"]!.GetValue<string>() == "M7"
            && m["slot"]!.GetValue<int>() == Slot && m["sidechain_block_hash"]!.GetValue<string>() == h);

        // The operator log tells the story.
        await _node.ShouldLogAsync("Sidechain activated in slot 1", "Deposit to slot 1: 1000000000 sat", $"Withdrawal bundle {m6id} of slot 1 paid out by {withdrawalTxId}");

        // Restart: same tip, same drivechain state, and the miner policy (a second received bundle) is kept.
        var secondM6Id = await Steps.ReceiveBundleAsync(Slot, RegtestDrivechainSteps.BlindedBundle(50_000_000, 10_000));
        var tipHash = (await Rpc("getbestblockhash"))!.GetValue<string>();
        var sidechainsBefore = (await Rpc("listsidechains"))!.ToJsonString();
        var historyBefore = (await Rpc("listtreasuryhistory", (int)Slot))!.ToJsonString();
        (await _node.StopAsync()).Should().Be(0);
        File.Exists(Path.Combine(_dataDir, "regtest", ".cookie")).Should().BeFalse();
        await _node.DisposeAsync();

        _node = await NodeProcess.StartAsync(_dataDir);
        (await Rpc("getbestblockhash"))!.GetValue<string>().Should().Be(tipHash);
        (await Rpc("listsidechains"))!.ToJsonString().Should().Be(sidechainsBefore);
        (await Rpc("listtreasuryhistory", (int)Slot))!.ToJsonString().Should().Be(historyBefore);
        (await Rpc("getminerpolicy"))!["bundles"]!.AsArray().Should().ContainSingle()
            .Which!["m6id"]!.GetValue<string>().Should().Be(secondM6Id);
        await Mine(1);
        (await Rpc("listwithdrawalbundles", (int)Slot))!.AsArray().Should().ContainSingle()
            .Which!["m6id"]!.GetValue<string>().Should().Be(secondM6Id);
        (await _node.StopAsync()).Should().Be(0);
    }
}
