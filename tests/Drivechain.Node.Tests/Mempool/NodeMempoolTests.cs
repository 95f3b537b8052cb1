using System.Text.Json.Nodes;
using Drivechain.Node.Rpc;
using Drivechain.Node.Tests.Rpc;

namespace Drivechain.Node.Tests.Mempool;

public sealed class NodeMempoolTests : IAsyncLifetime
{
    private RegtestScenario _s = null!;

    public async Task InitializeAsync() => _s = await RegtestScenario.StartAsync(blocks: 110);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task<string[]> Pool() => (await _s.Rpc.CallAsync("getrawmempool"))!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Valid_spend_enters_the_pool_and_leaves_it_when_mined()
    {
        var hex = await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m));

        var txid = (await _s.Rpc.CallAsync("sendrawtransaction", hex))!.GetValue<string>();
        var entry = (await _s.Rpc.CallAsync("getmempoolentry", txid))!.AsObject();
        var info = (await _s.Rpc.CallAsync("getmempoolinfo"))!.AsObject();
        var mined = await _s.Block((await _s.Mine(1))[0]!.GetValue<string>());

        entry["fees"]!["base"]!.GetValue<decimal>().Should().Be(0.0001m);
        info["size"]!.GetValue<int>().Should().Be(1);
        mined["tx"]!.AsArray().Select(t => t!["txid"]!.GetValue<string>()).Should().Contain(txid);
        mined["tx"]![0]!["vout"]![0]!["value"]!.GetValue<decimal>().Should().Be(50.0001m);
        (await Pool()).Should().BeEmpty();
    }

    [Fact]
    public async Task Sending_the_same_transaction_twice_returns_its_txid()
    {
        var hex = await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m));

        var first = (await _s.Rpc.CallAsync("sendrawtransaction", hex))!.GetValue<string>();
        var second = (await _s.Rpc.CallAsync("sendrawtransaction", hex))!.GetValue<string>();

        second.Should().Be(first);
    }

    [Fact]
    public async Task Fee_below_one_sat_per_vbyte_is_rejected()
    {
        var hex = await _s.SignedSpend(1, RegtestScenario.PayBack(49.99999999m));

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", hex);

        code.Should().Be(RpcErrorCode.VerifyRejected);
        message.Should().StartWith("min relay fee not met, 1 < ");
    }

    [Fact]
    public async Task Dust_output_is_non_standard()
    {
        var outputs = new JsonArray(new JsonObject { [RegtestScenario.Address] = 0.00000100m }, new JsonObject { ["data"] = "00" });
        var hex = await _s.SignedSpend(1, outputs);

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", hex);

        code.Should().Be(RpcErrorCode.VerifyRejected);
        message.Should().Be("dust");
    }

    [Fact]
    public async Task Immature_coinbase_spend_is_rejected()
    {
        var hex = await _s.SignedSpend(100, RegtestScenario.PayBack(49.9999m));

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", hex);

        code.Should().Be(RpcErrorCode.VerifyRejected);
        message.Should().StartWith("bad-txns-premature-spend-of-coinbase");
    }

    [Fact]
    public async Task Missing_inputs_are_a_verify_error()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction",
            (await _s.Rpc.CallAsync("createrawtransaction", new JsonArray(new JsonObject { ["txid"] = new string('a', 64), ["vout"] = 0 }), RegtestScenario.PayBack(1m)))!.GetValue<string>());

        code.Should().Be(RpcErrorCode.VerifyError);
        message.Should().Be("bad-txns-inputs-missingorspent");
    }

    [Fact]
    public async Task Higher_fee_double_spend_replaces_and_lower_fee_one_is_refused()
    {
        var original = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1, RegtestScenario.PayBack(49.999m))))!.GetValue<string>();

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", await _s.SignedSpend(1, RegtestScenario.PayBack(49.9995m)));
        var replacement = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1, RegtestScenario.PayBack(49.995m))))!.GetValue<string>();

        code.Should().Be(RpcErrorCode.VerifyRejected);
        message.Should().StartWith("insufficient fee");
        (await Pool()).Should().Equal(replacement);
        original.Should().NotBe(replacement);
    }

    [Fact]
    public async Task Testmempoolaccept_reports_without_changing_the_pool()
    {
        var good = await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m));
        var cheap = await _s.SignedSpend(2, RegtestScenario.PayBack(49.99999999m));

        var results = (await _s.Rpc.CallAsync("testmempoolaccept", new JsonArray(good)))!.AsArray();
        var rejected = (await _s.Rpc.CallAsync("testmempoolaccept", new JsonArray(cheap)))!.AsArray();

        results[0]!["allowed"]!.GetValue<bool>().Should().BeTrue();
        results[0]!["fees"]!["base"]!.GetValue<decimal>().Should().Be(0.0001m);
        rejected[0]!["allowed"]!.GetValue<bool>().Should().BeFalse();
        rejected[0]!["reject-reason"]!.GetValue<string>().Should().Be("min relay fee not met");
        (await Pool()).Should().BeEmpty();
    }

    [Fact]
    public async Task Testmempoolaccept_accepts_a_child_of_an_earlier_package_member()
    {
        var parentHex = await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m));
        var parentTxId = (await _s.Rpc.CallAsync("decoderawtransaction", parentHex))!["txid"]!.GetValue<string>();
        var childHex = await _s.SignedSpendOf(parentTxId, 49.9999m, RegtestScenario.PayBack(49.9998m));

        var results = (await _s.Rpc.CallAsync("testmempoolaccept", new JsonArray(parentHex, childHex)))!.AsArray();

        results.Select(r => r!["allowed"]!.GetValue<bool>()).Should().Equal(true, true);
        (await Pool()).Should().BeEmpty();
    }

    [Fact]
    public async Task Transactions_of_a_disconnected_block_return_to_the_pool()
    {
        var txid = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m))))!.GetValue<string>();
        var block = (await _s.Mine(1))[0]!.GetValue<string>();
        (await Pool()).Should().BeEmpty();

        await _s.Rpc.CallAsync("invalidateblock", block);

        (await Pool()).Should().Equal(txid);
    }

    [Fact]
    public async Task Bmm_request_must_name_the_current_tip()
    {
        var h = new string('5', 64);
        var stale = (await _s.Rpc.CallAsync("createbmmrequestscript", 1, h, (await _s.Rpc.CallAsync("getblockhash", 3))!.GetValue<string>()))!.GetValue<string>();
        var hex = await _s.SignedSpend(1, new JsonArray(new JsonObject { [$"script:{stale}"] = 0m }, new JsonObject { [RegtestScenario.Address] = 49.99m }));

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", hex);

        code.Should().Be(RpcErrorCode.VerifyRejected);
        message.Should().StartWith("M8_PREV_BLOCK_MISMATCH");
    }

    [Fact]
    public async Task Bmm_request_not_accepted_in_the_next_block_expires()
    {
        var m8 = (await _s.Rpc.CallAsync("createbmmrequestscript", 1, new string('5', 64)))!.GetValue<string>();
        var hex = await _s.SignedSpend(1, new JsonArray(new JsonObject { [$"script:{m8}"] = 0m }, new JsonObject { [RegtestScenario.Address] = 49.99m }));
        var txid = (await _s.Rpc.CallAsync("sendrawtransaction", hex))!.GetValue<string>();
        await _s.Rpc.CallAsync("setbmmchoice", 1, "none");

        var block = await _s.Block((await _s.Mine(1))[0]!.GetValue<string>());

        block["tx"]!.AsArray().Select(t => t!["txid"]!.GetValue<string>()).Should().NotContain(txid);
        (await Pool()).Should().BeEmpty();
    }

    [Fact]
    public async Task Withdrawal_for_an_unknown_bundle_is_rejected_with_the_drivechain_code()
    {
        // A treasury output for an inactive slot is an ordinary output; spending the coinbase into slot 9's
        // treasury is fine, but an M6-shaped spend needs an active slot with a pending bundle.
        await _s.Rpc.CallAsync("proposesidechain", 9, "Nine");
        await _s.Mine(7);
        var deposit = await _s.SignedSpend(1, new JsonArray(
            new JsonObject { ["treasury:9"] = 1m }, new JsonObject { ["data"] = "61" }, new JsonObject { [RegtestScenario.Address] = 48.999m }));
        var depositTxId = (await _s.Rpc.CallAsync("sendrawtransaction", deposit))!.GetValue<string>();
        await _s.Mine(1);
        var withdrawal = (await _s.Rpc.CallAsync("createrawtransaction",
            new JsonArray(new JsonObject { ["txid"] = depositTxId, ["vout"] = 0 }),
            new JsonArray(new JsonObject { ["treasury:9"] = 0.5m }, new JsonObject { [RegtestScenario.Address] = 0.4999m })))!.GetValue<string>();

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", withdrawal);

        code.Should().Be(RpcErrorCode.VerifyRejected);
        message.Should().StartWith("M6_UNKNOWN_BUNDLE");
    }

    [Fact]
    public async Task Fee_above_maxfeerate_is_refused_and_accepted_when_the_limit_is_lifted()
    {
        var hex = await _s.SignedSpend(1, RegtestScenario.PayBack(49m));

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", hex);
        var txid = (await _s.Rpc.CallAsync("sendrawtransaction", hex, 0))!.GetValue<string>();

        code.Should().Be(RpcErrorCode.VerifyError);
        message.Should().Be("Fee exceeds maximum configured by user (e.g. -maxtxfee, maxfeerate)");
        (await Pool()).Should().Equal(txid);
    }

    [Fact]
    public async Task Resending_a_mined_transaction_is_already_in_chain()
    {
        var hex = await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m));
        await _s.Rpc.CallAsync("sendrawtransaction", hex);
        await _s.Mine(1);

        var (code, message) = await _s.Rpc.CallErrorAsync("sendrawtransaction", hex);

        code.Should().Be(RpcErrorCode.VerifyAlreadyInChain);
        message.Should().Be("Transaction outputs already in utxo set");
    }
}
