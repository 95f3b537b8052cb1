using System.Text.Json.Nodes;
using Drivechain.Node.Rpc;
using Drivechain.Node.Rpc.Json;
using Drivechain.Node.Tests.Rpc;

namespace Drivechain.Node.Tests.Mining;

public sealed class BlockAssemblerTests : IAsyncLifetime
{
    private RegtestScenario _s = null!;

    public async Task InitializeAsync() => _s = await RegtestScenario.StartAsync(blocks: 105);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task<List<JsonObject>> CoinbaseMessages(JsonObject block)
    {
        var messages = new List<JsonObject>();
        foreach (var output in block["tx"]![0]!["vout"]!.AsArray())
            messages.Add((await _s.Rpc.CallAsync("decodedrivechainmessage", output!["scriptPubKey"]!["hex"]!.GetValue<string>()))!.AsObject());
        return messages;
    }

    [Fact]
    public async Task Getblocktemplate_requires_the_segwit_rule()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("getblocktemplate", new JsonObject());

        code.Should().Be(RpcErrorCode.InvalidParameter);
        message.Should().Contain("segwit rule set");
    }

    [Fact]
    public async Task Getblocktemplate_lists_pool_transactions_with_fees_and_the_coinbase_value()
    {
        var txid = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m))))!.GetValue<string>();

        var template = (await _s.Rpc.CallAsync("getblocktemplate", new JsonObject { ["rules"] = new JsonArray("segwit") }))!.AsObject();

        template["height"]!.GetValue<int>().Should().Be(106);
        template["previousblockhash"]!.GetValue<string>().Should().Be(await _s.TipHash());
        template["transactions"]!.AsArray().Should().ContainSingle().Which!["txid"]!.GetValue<string>().Should().Be(txid);
        template["transactions"]![0]!["fee"]!.GetValue<long>().Should().Be(10_000);
        template["coinbasevalue"]!.GetValue<long>().Should().Be(5_000_010_000);
        template["default_witness_commitment"]!.GetValue<string>().Should().StartWith("6a24aa21a9ed");
    }

    [Fact]
    public async Task Higher_fee_transactions_are_preferred_and_children_follow_parents()
    {
        var low = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m))))!.GetValue<string>();
        var high = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(2, RegtestScenario.PayBack(49.99m))))!.GetValue<string>();
        var child = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpendOf(low, 49.9999m, RegtestScenario.PayBack(49.95m)), 0))!.GetValue<string>();

        var block = await _s.Block((await _s.Mine(1))[0]!.GetValue<string>());
        var order = block["tx"]!.AsArray().Skip(1).Select(t => t!["txid"]!.GetValue<string>()).ToList();

        // The low-fee parent with its high-fee child is the best package, then the single high-fee spend.
        order.Should().Equal(low, child, high);
    }

    [Fact]
    public async Task Only_the_best_paying_bmm_request_of_a_slot_is_mined_with_its_M7()
    {
        var h1 = new string('1', 64);
        var h2 = new string('2', 64);
        var m8a = (await _s.Rpc.CallAsync("createbmmrequestscript", 3, h1))!.GetValue<string>();
        var m8b = (await _s.Rpc.CallAsync("createbmmrequestscript", 3, h2))!.GetValue<string>();
        var cheap = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1,
            new JsonArray(new JsonObject { [$"script:{m8a}"] = 0m }, new JsonObject { [RegtestScenario.Address] = 49.999m }))))!.GetValue<string>();
        var rich = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(2,
            new JsonArray(new JsonObject { [$"script:{m8b}"] = 0m }, new JsonObject { [RegtestScenario.Address] = 49.99m }))))!.GetValue<string>();

        var block = await _s.Block((await _s.Mine(1))[0]!.GetValue<string>());
        var txids = block["tx"]!.AsArray().Select(t => t!["txid"]!.GetValue<string>()).ToList();
        var messages = await CoinbaseMessages(block);

        txids.Should().Contain(rich).And.NotContain(cheap);
        messages.Where(m => m["type"]!.GetValue<string>() == "M7").Should().ContainSingle()
            .Which["sidechain_block_hash"]!.GetValue<string>().Should().Be(h2);
        (await _s.Rpc.CallAsync("getrawmempool"))!.AsArray().Should().BeEmpty("the losing request named the old tip and expired");
    }

    [Fact]
    public async Task Generatetodescriptor_accepts_raw_and_addr_with_checksums()
    {
        var raw = (await _s.Rpc.CallAsync("generatetodescriptor", 1, DescriptorChecksum.AddChecksum("raw(51)")))!.AsArray();
        var addr = (await _s.Rpc.CallAsync("generatetodescriptor", 1, $"addr({RegtestScenario.Address})"))!.AsArray();
        var (code, message) = await _s.Rpc.CallErrorAsync("generatetodescriptor", 1, "raw(51)#aaaaaaaa");

        var block = await _s.Block(raw[0]!.GetValue<string>());
        block["tx"]![0]!["vout"]![0]!["scriptPubKey"]!["hex"]!.GetValue<string>().Should().Be("51");
        addr.Should().ContainSingle();
        code.Should().Be(RpcErrorCode.InvalidAddressOrKey);
        message.Should().Contain("does not match computed checksum");
    }

    [Fact]
    public async Task Generatetoaddress_rejects_an_invalid_address()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("generatetoaddress", 1, "nonsense");

        code.Should().Be(RpcErrorCode.InvalidAddressOrKey);
        message.Should().Be("Error: Invalid address");
    }

    [Fact]
    public async Task Generateblock_mines_exactly_the_given_transactions()
    {
        var a = (await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(1, RegtestScenario.PayBack(49.9999m))))!.GetValue<string>();
        await _s.Rpc.CallAsync("sendrawtransaction", await _s.SignedSpend(2, RegtestScenario.PayBack(49.9999m)));

        var result = (await _s.Rpc.CallAsync("generateblock", RegtestScenario.Address, new JsonArray(a)))!.AsObject();
        var block = await _s.Block(result["hash"]!.GetValue<string>());

        block["tx"]!.AsArray().Skip(1).Select(t => t!["txid"]!.GetValue<string>()).Should().Equal(a);
        (await _s.Rpc.CallAsync("getrawmempool"))!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Generateblock_with_an_unknown_txid_fails()
    {
        var (code, message) = await _s.Rpc.CallErrorAsync("generateblock", RegtestScenario.Address, new JsonArray(new string('e', 64)));

        code.Should().Be(RpcErrorCode.InvalidAddressOrKey);
        message.Should().Be($"Transaction {new string('e', 64)} not in mempool.");
    }

    [Fact]
    public async Task Proposal_is_acked_in_every_block_until_it_activates_and_no_M4_is_sent_in_the_activating_block()
    {
        await _s.Rpc.CallAsync("proposesidechain", 7, "Seven");

        var proposed = await CoinbaseMessages(await _s.Block((await _s.Mine(1))[0]!.GetValue<string>()));
        var acked = new List<List<JsonObject>>();
        foreach (var hash in await _s.Mine(6)) acked.Add(await CoinbaseMessages(await _s.Block(hash!.GetValue<string>())));

        proposed.Should().Contain(m => m["type"]!.GetValue<string>() == "M1" && m["slot"]!.GetValue<int>() == 7);
        acked.Should().AllSatisfy(messages => messages.Should().ContainSingle(m => m["type"]!.GetValue<string>() == "M2"));
        acked[^1].Should().NotContain(m => m["type"]!.GetValue<string>() == "M4");
        (await _s.Rpc.CallAsync("listsidechains"))!.AsArray().Should().ContainSingle();
        (await _s.Rpc.CallAsync("getminerpolicy"))!["queued_proposals"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Generateblock_checks_the_scripts_of_transactions_from_outside_the_mempool()
    {
        var unsigned = (await _s.Rpc.CallAsync("createrawtransaction",
            new JsonArray(new JsonObject { ["txid"] = await _s.CoinbaseTxId(1), ["vout"] = 0 }), RegtestScenario.PayBack(49.9m)))!.GetValue<string>();
        var tipBefore = await _s.TipHash();

        var (code, message) = await _s.Rpc.CallErrorAsync("generateblock", RegtestScenario.Address, new JsonArray(unsigned));

        code.Should().Be(RpcErrorCode.VerifyError);
        message.Should().StartWith("TestBlockValidity failed: block-script-verify-flag-failed", "templates run the same pipeline as blocks");
        (await _s.TipHash()).Should().Be(tipBefore);
    }

    [Fact]
    public async Task Getblocktemplate_proposal_mode_validates_a_block_without_submitting_it()
    {
        var block = (await _s.Rpc.CallAsync("generateblock", RegtestScenario.Address, new JsonArray(), false))!.AsObject();
        var hex = block["hex"]!.GetValue<string>();
        var tampered = hex[..^8] + "01000000"; // coinbase locktime changed: merkle root no longer matches

        var valid = await _s.Rpc.CallAsync("getblocktemplate", new JsonObject { ["mode"] = "proposal", ["data"] = hex });
        var invalid = await _s.Rpc.CallAsync("getblocktemplate", new JsonObject { ["mode"] = "proposal", ["data"] = tampered });

        valid.Should().BeNull();
        invalid!.GetValue<string>().Should().Be("bad-txnmrklroot");
        (await _s.Rpc.CallAsync("getblockcount"))!.GetValue<int>().Should().Be(105);
    }
}
