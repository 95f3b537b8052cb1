using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Testing.Bitcoind;

namespace Drivechain.Node.Tests.P2P;

/// <summary>
/// Issue 11, scenario 6: the drivechain life cycle mined by one of our nodes (A) reaches a second node of ours (B),
/// connected to A only over P2P, and Core, connected to B only; both of ours agree on the drivechain state. Then Core, a
/// third party, mines a block that is valid Bitcoin but breaks a drivechain rule: B rejects it and stays on A's chain.
/// </summary>
public sealed class DrivechainLifecycleP2PTests : IDisposable
{
    private const int Slot = 1;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _dataDirA = Directory.CreateTempSubdirectory("drivechain-life-a-").FullName;
    private readonly string _dataDirB = Directory.CreateTempSubdirectory("drivechain-life-b-").FullName;

    [BitcoindFact]
    public async Task A_life_cycle_mined_by_one_node_reaches_a_second_node_and_core_over_p2p_with_the_same_drivechain_state()
    {
        await using var a = await NodeProcess.StartAsync(_dataDirA);
        await using var b = await NodeProcess.StartAsync(_dataDirB, "--connect", $"127.0.0.1:{a.P2pPort}", "--listen", "1");
        var steps = new RegtestDrivechainSteps(a.Rpc);

        // M1 proposal, M2 acks to activation, an M5 deposit, an M3 bundle, M4 acks and the M6 payout, an M8/M7 BMM, a second M3.
        await steps.MineAsync(101);
        // B catches up first, so the life cycle's blocks reach it one by one, each announced on its tip (compact blocks).
        var caughtUp = (await a.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>();
        await b.WaitForOutputAsync($"Block {caughtUp} accepted at height 101", Timeout);
        await steps.ProposeSidechainAsync(Slot, "Thunder", "Example sidechain");
        await steps.MineAsync(7);
        var depositTxId = await steps.DepositAsync(Slot, coinbaseHeight: 1, 10m, "sidechain-addr-1");
        await steps.MineAsync(1);
        var m6id = await steps.ReceiveBundleAsync(Slot, RegtestDrivechainSteps.BlindedBundle(100_000_000, 10_000));
        await steps.MineAsync(1);
        var payoutTxId = await steps.MineUntilPaidAsync(Slot, maxBlocks: 12);
        payoutTxId.Should().NotBeNull(a.Output);
        var bmmTxId = await steps.SendBmmRequestAsync(Slot, "33ffcb1aaa0de9c470fa19e3cf75671d4b61720c6884e97bde6ac0b40613c8e2", coinbaseHeight: 2, bid: 0.01m);
        await steps.MineAsync(1);
        await steps.ReceiveBundleAsync(Slot, RegtestDrivechainSteps.BlindedBundle(50_000_000, 10_000));
        await steps.MineAsync(1);
        var tip = (await a.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>();
        var height = (await a.Rpc.CallAsync("getblockcount"))!.GetValue<int>();

        await b.WaitForOutputAsync($"Block {tip} accepted at height {height}", Timeout);
        (await b.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(tip);
        foreach (var (method, args) in StateQueries)
            (await StateAsync(b, method, args)).Should().Be(await StateAsync(a, method, args), $"{method} agrees on both nodes");
        var ctip = (await b.Rpc.CallAsync("getctip", Slot))!;
        ctip["value"]!.GetValue<decimal>().Should().Be(8.9999m);
        (await b.Rpc.CallAsync("listsidechains"))!.AsArray().Should().ContainSingle().Which!["declaration"]!["title"]!.GetValue<string>().Should().Be("Thunder");
        var history = (await b.Rpc.CallAsync("listtreasuryhistory", Slot))!.AsArray().Select(h => h!["txid"]!.GetValue<string>());
        history.Should().Equal(depositTxId, payoutTxId);
        (await b.Rpc.CallAsync("listwithdrawalbundles", Slot))!.AsArray().Should().ContainSingle();
        (await b.Rpc.CallAsync("getblock", tip, 1))!["height"]!.GetValue<int>().Should().Be(height);
        await b.ShouldLogAsync("Sidechain activated in slot 1", $"Withdrawal bundle {m6id} of slot 1 paid out by {payoutTxId}");
        // New blocks came to B as compact blocks (A serves cmpctblock, B rebuilds from its mempool: the deposit and BMM
        // request were relayed to it; the M6 payout, made by A's miner, came by getblocktxn).
        await b.ShouldLogAsync("reconstructed from a compact block");
        (await MempoolAsync(b)).Should().NotContain([depositTxId, bmmTxId]);

        // Core, connected to B only, syncs the whole chain (and validates it as Bitcoin).
        await using var core = await BitcoindProcess.StartAsync();
        await core.CallAsync("addnode", $"127.0.0.1:{b.P2pPort}", "onetry");
        (await core.CallAsync("waitforblock", tip, (int)Timeout.TotalMilliseconds)).GetProperty("hash").GetString().Should().Be(tip);

        // Core mines on top a block that breaks a drivechain rule (M3 for an inactive slot): B rejects it and keeps A's chain.
        var m3 = new M3ProposeBundle(7, new M6Id(UInt256.Parse(new string('1', 64)))).ToScript();
        var bad = (await core.CallAsync("generateblock", $"raw({Convert.ToHexStringLower(m3.Memory.Span)})", Array.Empty<string>()))
            .GetProperty("hash").GetString()!;
        await b.WaitForOutputAsync($"sent invalid block {bad} (M3_INACTIVE_SIDECHAIN", Timeout);
        (await b.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(tip);
        (await a.Rpc.CallAsync("getbestblockhash"))!.GetValue<string>().Should().Be(tip);
        (await core.GetBestBlockHashAsync()).Should().Be(bad);
        foreach (var (method, args) in StateQueries)
            (await StateAsync(b, method, args)).Should().Be(await StateAsync(a, method, args), $"{method} still agrees after the invalid block");
    }

    /// <summary>The drivechain RPCs compared between the nodes (docs/rpc.md).</summary>
    private static readonly (string Method, object[] Args)[] StateQueries =
    [
        ("listsidechains", []),
        ("listsidechainproposals", []),
        ("getctip", [Slot]),
        ("listtreasuryhistory", [Slot]),
        ("listwithdrawalbundles", [Slot]),
    ];

    /// <summary>The RPC's JSON, without <c>received</c> (whether this node's miner was handed the bundle: node-local).</summary>
    private static async Task<string> StateAsync(NodeProcess node, string method, object[] args)
    {
        var result = await node.Rpc.CallAsync(method, args);
        if (result is JsonArray array)
            foreach (var item in array.OfType<JsonObject>()) item.Remove("received");
        return result?.ToJsonString() ?? "null";
    }

    private static async Task<List<string>> MempoolAsync(NodeProcess node) =>
        [.. (await node.Rpc.CallAsync("getrawmempool"))!.AsArray().Select(e => e!.GetValue<string>())];

    public void Dispose() => TempDirectories.Delete(_dataDirA, _dataDirB);
}
