using System.Text.Json.Nodes;

namespace Drivechain.Node.Tests.Mempool.FeeEstimation;

/// <summary>
/// Fee estimation in the real `drivechain node --regtest` through RPC: no answer at first, transactions at different fee
/// rates mined over several blocks, an estimate within their range, the wallet's default fee from it, the estimates
/// kept across a restart in fee_estimates.dat, and a corrupt file answered with a warning and an empty estimator.
/// </summary>
public sealed class FeeEstimationEndToEndTests : IAsyncLifetime
{
    private static readonly string External = RegtestDrivechainSteps.PayoutAddress;
    private static readonly int[] SatPerVb = [2, 3, 5, 8, 13, 21, 34, 55];
    private readonly string _dataDir = Directory.CreateTempSubdirectory("dc-fees-").FullName;
    private NodeProcess _node = null!;

    public async Task InitializeAsync() => _node = await NodeProcess.StartAsync(_dataDir);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    private Task<JsonNode?> Rpc(string method, params object?[] args) => _node.Rpc.CallAsync(method, args);

    [Fact]
    public async Task Estimatesmartfee_learns_from_mined_transactions_feeds_the_wallet_and_survives_a_restart()
    {
        var fresh = (await Rpc("estimatesmartfee", 6))!;
        fresh.ToJsonString().Should().Be("""{"errors":["Insufficient data or no feerate found"],"blocks":0}""");
        (await _node.Rpc.CallErrorAsync("estimatesmartfee", 0)).Should().Be((-8, "Invalid conf_target, must be between 1 and 1008"));
        (await _node.Rpc.CallErrorAsync("estimatesmartfee", 6, "fast")).Code.Should().Be(-8);

        await Rpc("createwallet", "fees");
        await Rpc("generatetoaddress", 160, (await Rpc("getnewaddress"))!.GetValue<string>());   // 60 mature coinbases

        // Without an estimate the wallet pays regtest's fallback fee, 0.0002 BTC/kvB = 20 sat/vB.
        FeeRate(await Rpc("getmempoolentry", (await Rpc("sendtoaddress", External, 1m))!.GetValue<string>())).Should().BeInRange(19.9m, 20.1m);
        await Rpc("generatetoaddress", 1, External);

        // Six blocks, each confirming eight transactions paying 2 to 55 sat/vB that spend confirmed coins only.
        var coins = (await Rpc("listunspent", 1))!.AsArray().Where(c => c!["amount"]!.GetValue<decimal>() >= 25m).ToList();
        var next = 0;
        for (var block = 0; block < 6; block++)
        {
            foreach (var rate in SatPerVb) await SpendAsync(coins[next++]!, rate);
            (await Rpc("getmempoolinfo"))!["size"]!.GetValue<int>().Should().Be(SatPerVb.Length);
            await Rpc("generatetoaddress", 1, External);
        }

        var estimate = (await Rpc("estimatesmartfee", 2))!;
        estimate["blocks"]!.GetValue<int>().Should().Be(2);
        var btcPerKvB = estimate["feerate"]!.GetValue<decimal>();
        btcPerKvB.Should().BeInRange(0.00002m, 0.00055m, "within the fee rates that confirmed");
        (await Rpc("estimaterawfee", 2))!["short"]!["feerate"]!.GetValue<decimal>().Should().BePositive();

        // The wallet's default fee is now the 6-block estimate (lowered to what the data covers).
        var walletRate = (await Rpc("estimatesmartfee", 6))!["feerate"]!.GetValue<decimal>() * 100_000;
        FeeRate(await Rpc("getmempoolentry", (await Rpc("sendtoaddress", External, 1m))!.GetValue<string>())).Should().BeInRange(walletRate - 0.1m, walletRate + 0.1m);

        (await _node.StopAsync()).Should().Be(0);
        File.Exists(Path.Combine(_dataDir, "regtest", "fee_estimates.dat")).Should().BeTrue();
        _node = await NodeProcess.StartAsync(_dataDir);
        (await Rpc("estimatesmartfee", 2))!.ToJsonString().Should().Be(estimate.ToJsonString(), "the estimates were read back");

        (await _node.StopAsync()).Should().Be(0);
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "regtest", "fee_estimates.dat"), "not fee estimates");
        _node = await NodeProcess.StartAsync(_dataDir, "--fallbackfee", "0");
        await _node.ShouldLogAsync("could not be read");
        (await Rpc("estimatesmartfee", 2))!["errors"]!.AsArray().Should().ContainSingle();
        await Rpc("loadwallet", "fees");
        (await Rpc("getbalance"))!.GetValue<decimal>().Should().BePositive();
        (await _node.Rpc.CallErrorAsync("sendtoaddress", External, 1m))
            .Should().Be((-6, "Fee estimation failed. Fallbackfee is disabled. Wait a few blocks or enable -fallbackfee."));
    }

    /// <summary>Spends one confirmed coin to the external address, paying about <paramref name="satPerVb"/>.</summary>
    private async Task SpendAsync(JsonNode coin, int satPerVb)
    {
        const int VirtualSize = 110;   // one P2WPKH input, one output
        var amount = coin["amount"]!.GetValue<decimal>() - satPerVb * VirtualSize / 100_000_000m;
        var raw = (await Rpc("createrawtransaction",
            new JsonArray(new JsonObject { ["txid"] = coin["txid"]!.GetValue<string>(), ["vout"] = coin["vout"]!.GetValue<int>() }),
            new JsonObject { [External] = amount }))!.GetValue<string>();
        var signed = (await Rpc("signrawtransactionwithwallet", raw))!["hex"]!.GetValue<string>();
        await Rpc("sendrawtransaction", signed);
    }

    /// <summary>A mempool entry's fee rate in sat/vB.</summary>
    private static decimal FeeRate(JsonNode? entry) =>
        entry!["fees"]!["base"]!.GetValue<decimal>() * 100_000_000m / entry["vsize"]!.GetValue<int>();
}
