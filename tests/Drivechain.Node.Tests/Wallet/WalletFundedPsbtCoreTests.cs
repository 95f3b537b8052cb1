using System.Text.Json;
using System.Text.Json.Nodes;
using Drivechain.Testing.Bitcoind;

namespace Drivechain.Node.Tests.Wallet;

/// <summary>
/// walletcreatefundedpsbt and walletprocesspsbt with bip32derivs on the real node, read by a real Bitcoin Core: decodepsbt
/// shows our master fingerprint and m/84'/1'/0'/… paths on our inputs and change, analyzepsbt finds nothing wrong.
/// </summary>
public sealed class WalletFundedPsbtCoreTests : RunningNodeTests
{
    private static readonly string External = RegtestDrivechainSteps.PayoutAddress;
    private static readonly int[] FirstOutput = [0];

    private static JsonNode Json(object value) => JsonSerializer.SerializeToNode(value)!;

    private static string Path(JsonElement derivation) => derivation.GetProperty("path").GetString()!.Replace('\'', 'h');

    [BitcoindFact]
    public async Task A_funded_psbt_carries_our_bip32_derivations_and_core_decodes_and_analyzes_it()
    {
        await using var core = await BitcoindProcess.StartAsync();
        await Rpc("createwallet", "w");
        var address = (await Rpc("getnewaddress"))!.GetValue<string>();
        var fingerprint = (await Rpc("getaddressinfo", address))!["hdmasterfingerprint"]!.GetValue<string>();
        await Rpc("generatetoaddress", 101, address);

        var outputs = new[] { new Dictionary<string, object> { [External] = 10m } };
        var funded = (await Rpc("walletcreatefundedpsbt", Json(Array.Empty<object>()), Json(outputs), 0,
            Json(new Dictionary<string, object> { ["fee_rate"] = 5, ["replaceable"] = true })))!;

        var changePos = funded["changepos"]!.GetValue<int>();
        changePos.Should().Be(1);
        var decoded = await core.CallAsync("decodepsbt", funded["psbt"]!.GetValue<string>());
        decoded.GetProperty("fee").GetDecimal().Should().Be(funded["fee"]!.GetValue<decimal>());
        var inputDerivation = decoded.GetProperty("inputs")[0].GetProperty("bip32_derivs").EnumerateArray().Single();
        inputDerivation.GetProperty("master_fingerprint").GetString().Should().Be(fingerprint);
        Path(inputDerivation).Should().Be("m/84h/1h/0h/0/0", "the coinbase paid receive address 0");
        var changeDerivation = decoded.GetProperty("outputs")[changePos].GetProperty("bip32_derivs").EnumerateArray().Single();
        changeDerivation.GetProperty("master_fingerprint").GetString().Should().Be(fingerprint);
        Path(changeDerivation).Should().StartWith("m/84h/1h/0h/1/");
        decoded.GetProperty("outputs")[0].TryGetProperty("bip32_derivs", out _).Should().BeFalse("the payment is not ours");
        var analysis = await core.CallAsync("analyzepsbt", funded["psbt"]!.GetValue<string>());
        analysis.TryGetProperty("error", out _).Should().BeFalse(analysis.ToString());
        analysis.GetProperty("next").GetString().Should().Be("signer");
        analysis.GetProperty("inputs")[0].GetProperty("has_utxo").GetBoolean().Should().BeTrue();
        var vsize = analysis.GetProperty("estimated_vsize").GetInt32();
        (analysis.GetProperty("fee").GetDecimal() * 100_000_000m / vsize).Should().BeGreaterThanOrEqualTo(5m);

        var signed = (await Rpc("walletprocesspsbt", funded["psbt"]!.GetValue<string>()))!;
        signed["complete"]!.GetValue<bool>().Should().BeTrue();
        var final = await core.CallAsync("finalizepsbt", signed["psbt"]!.GetValue<string>());
        final.GetProperty("complete").GetBoolean().Should().BeTrue();
        var txid = (await Rpc("sendrawtransaction", final.GetProperty("hex").GetString()))!.GetValue<string>();
        (await Rpc("getrawmempool"))!.AsArray().Select(t => t!.GetValue<string>()).Should().Contain(txid);
    }

    [BitcoindFact]
    public async Task Fee_subtracted_from_an_output_a_change_address_and_preset_inputs_follow_cores_options()
    {
        await using var core = await BitcoindProcess.StartAsync();
        await Rpc("createwallet", "w");
        await Rpc("generatetoaddress", 101, (await Rpc("getnewaddress"))!.GetValue<string>());
        var coin = (await Rpc("listunspent"))!.AsArray().Single()!;
        var changeAddress = (await Rpc("getrawchangeaddress"))!.GetValue<string>();
        var inputs = new[] { new Dictionary<string, object> { ["txid"] = coin["txid"]!.GetValue<string>(), ["vout"] = coin["vout"]!.GetValue<int>() } };
        var outputs = new[] { new Dictionary<string, object> { [External] = 20m } };

        var funded = (await Rpc("walletcreatefundedpsbt", Json(inputs), Json(outputs), 0,
            Json(new Dictionary<string, object> { ["subtractFeeFromOutputs"] = FirstOutput, ["change_address"] = changeAddress, ["fee_rate"] = 3 })))!;

        var fee = funded["fee"]!.GetValue<decimal>();
        var decoded = await core.CallAsync("decodepsbt", funded["psbt"]!.GetValue<string>());
        var vout = decoded.GetProperty("tx").GetProperty("vout");
        vout[0].GetProperty("value").GetDecimal().Should().Be(20m - fee, "the payment pays the fee");
        vout[1].GetProperty("value").GetDecimal().Should().Be(30m, "the whole rest of the 50 BTC coin is change");
        vout[1].GetProperty("scriptPubKey").GetProperty("address").GetString().Should().Be(changeAddress);
        decoded.GetProperty("tx").GetProperty("vin").GetArrayLength().Should().Be(1);
        (await core.CallAsync("analyzepsbt", funded["psbt"]!.GetValue<string>())).GetProperty("next").GetString().Should().Be("signer");

        var error = await Node.Rpc.CallErrorAsync("walletcreatefundedpsbt", Json(inputs), Json(new[] { new Dictionary<string, object> { [External] = 60m } }));
        error.Code.Should().Be(-6, "a preset input is not topped up unless add_inputs is true (Core)");

        // A PSBT Core built knows nothing of our keys: walletprocesspsbt (bip32derivs, not finalised) adds them and signs.
        var fingerprint = (await Rpc("getaddressinfo", changeAddress))!["hdmasterfingerprint"]!.GetValue<string>();
        var corePsbt = (await core.CallAsync("createpsbt", inputs, new[] { new Dictionary<string, object> { [External] = 49.99m } })).GetString()!;
        var processed = (await Rpc("walletprocesspsbt", corePsbt, true, "ALL", true, false))!;
        var input = (await core.CallAsync("decodepsbt", processed["psbt"]!.GetValue<string>())).GetProperty("inputs")[0];
        var derivation = input.GetProperty("bip32_derivs").EnumerateArray().Single();
        derivation.GetProperty("master_fingerprint").GetString().Should().Be(fingerprint);
        Path(derivation).Should().Be("m/84h/1h/0h/0/0");
        input.GetProperty("partial_signatures").EnumerateObject().Should().ContainSingle();
    }
}
