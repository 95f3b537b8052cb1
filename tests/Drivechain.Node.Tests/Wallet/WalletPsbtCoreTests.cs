using Drivechain.Testing.Bitcoind;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>walletprocesspsbt on the node's wallet with a PSBT that Bitcoin Core built; Core decodes the result.</summary>
public sealed class WalletPsbtCoreTests : RunningNodeTests
{
    [BitcoindFact]
    public async Task A_core_built_psbt_spending_our_coin_is_signed_finalised_and_broadcast_by_the_node()
    {
        await using var core = await BitcoindProcess.StartAsync();
        await Rpc("createwallet", "w");
        await Rpc("generatetoaddress", 101, (await Rpc("getnewaddress"))!.GetValue<string>());
        var coin = (await Rpc("listunspent"))!.AsArray().Single()!;
        var inputs = new[] { new Dictionary<string, object> { ["txid"] = coin["txid"]!.GetValue<string>(), ["vout"] = coin["vout"]!.GetValue<int>() } };
        var outputs = new[] { new Dictionary<string, object> { [RegtestDrivechainSteps.PayoutAddress] = 49.999m } };
        var created = (await core.CallAsync("createpsbt", inputs, outputs)).GetString()!;

        var processed = (await Rpc("walletprocesspsbt", created))!;

        processed["complete"]!.GetValue<bool>().Should().BeTrue();
        var decoded = await core.CallAsync("decodepsbt", processed["psbt"]!.GetValue<string>());
        decoded.GetProperty("fee").GetDecimal().Should().Be(0.001m, "our wallet added the witness UTXO Core could not know");
        var txid = (await Rpc("sendrawtransaction", processed["hex"]!.GetValue<string>()))!.GetValue<string>();
        (await Rpc("getrawmempool"))!.AsArray().Select(t => t!.GetValue<string>()).Should().Contain(txid);
    }
}
